/** Words for roles in sentences ("you are a reviewer", "you are an artist"). */
import type { Role } from "@aiuteur/shared";

export function withArticle(role: Role): string {
  return /^[aeiou]/.test(role) ? `an ${role}` : `a ${role}`;
}
