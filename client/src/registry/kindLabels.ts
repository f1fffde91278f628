import type { RegistryKind } from "@aiuteur/shared";

export const KIND_LABELS: Record<RegistryKind, { one: string; many: string }> = {
  character: { one: "Character", many: "Characters" },
  location: { one: "Location", many: "Locations" },
  prop: { one: "Prop", many: "Props" },
  other: { one: "Other", many: "Other" },
};
