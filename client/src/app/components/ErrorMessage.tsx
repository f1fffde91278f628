/** Any form or API error, announced to screen readers; e2e tests find it by data-testid. */
export function ErrorMessage({ message, id }: { message: string | null; id?: string }) {
  if (message === null || message === "") return null;
  return (
    <p className="error-message" role="alert" data-testid="error-message" id={id}>
      {message}
    </p>
  );
}
