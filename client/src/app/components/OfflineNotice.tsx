/** Shown when a screen displays its offline copy because the server could not be reached. */
export function OfflineNotice({ show }: { show: boolean }) {
  if (!show) return null;
  return (
    <p className="notice" role="status">
      You're offline. Showing what this device saw last; changes to projects and members need a connection.
    </p>
  );
}
