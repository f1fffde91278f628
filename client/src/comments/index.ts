/** Comment threads UI, shared by the script page and the shot page. */
export { useThreads } from "./useThreads";
export { useMembers } from "./useMembers";
export { useNotesDocument, type NotesDocument } from "./useNotesDocument";
export { ThreadCard, type ThreadCardProps } from "./ThreadCard";
export { CommentComposer, type CommentComposerProps } from "./CommentComposer";
export { CommentsPanel, type CommentsPanelProps, type PanelScene } from "./CommentsPanel";
export { filterThreads, countThreads, STATUS_FILTERS, type StatusFilter, type ThreadFilter } from "./filters";
export { relativeTime } from "./relativeTime";
