/**
 * The shot page's approval section: the shot's LockControl, gated on its episode's script being locked
 * first. Needs a <DocumentPoolScope> around it (the script is read through the pool).
 */
import type { LockMirror, Role } from "@aiuteur/shared";
import { LockControl } from "./LockControl";
import { alternativeBranchName } from "./lockText";
import { useShotLockGate } from "./useShotLockGate";

interface Props {
  projectId: string;
  episodeId: string;
  branchId: string;
  shotDocument: string | null;
  shotNumber: string;
  mirror: LockMirror;
  role: Role | null;
}

export function ShotLockControl(props: Props) {
  const gate = useShotLockGate(props.projectId, props.episodeId, props.branchId);
  return (
    <section className="shot-lock" aria-label="Approval" data-testid="shot-lock">
      <LockControl
        projectId={props.projectId}
        document={props.shotDocument}
        mirror={props.mirror}
        role={props.role}
        what={props.shotNumber ? `shot ${props.shotNumber}` : "this shot"}
        refusal={gate.refusal === undefined ? "Checking whether the script is locked…" : gate.refusal}
        branchName={alternativeBranchName(gate.episodeTitle)}
      />
    </section>
  );
}
