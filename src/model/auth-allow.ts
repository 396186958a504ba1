/**
 * Auth doubles that always allow: which method names guard access, and how a double of one reads
 * when it lets every caller through. Shared by extraction and the stubbed-auth rule.
 */
import type { ReturnShape } from './test-model.js';

/** Names of methods whose double, when it always succeeds, lets every caller through. */
export const AUTH_METHODS = /^(verify|verifyToken|verifyAsync|jwtVerify|verifyJwt|verifyJWT|verifyIdToken|verifyAccessToken|verifySession|decode|authenticate|isAuthenticated|isAuthorized|authorize|canActivate|validate|validateUser|validateToken|checkPermission|checkPermissions|hasPermission|hasRole|hasRoles|can|requireAuth|requireLogin|requireUser|checkAuth|isLoggedIn|authenticateToken|ensureAuthenticated|getSession|getServerSession|auth|currentUser|getUser)$/;

/** Says how an auth double always allows, or null: 'canActivate returns true', 'verify returns a fixed identity'. */
export function describeAllow(method: string, shape: ReturnShape): string | null {
  if (shape === 'true') return `${method} always returns true`;
  if (shape === 'object') return `${method} always returns a fixed identity`;
  if (shape === 'next') return `${method} always calls next()`;
  return null;
}
