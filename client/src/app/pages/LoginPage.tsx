import { useState, type FormEvent } from "react";
import { Link, Navigate, useSearchParams } from "react-router";
import { api, messageOf } from "../api";
import { safeNextPath, useAuth } from "../auth";
import { ErrorMessage } from "../components/ErrorMessage";
import { AuthLayout } from "./AuthLayout";

export function LoginPage() {
  const { session, signIn } = useAuth();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get("next"));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Signed in (already, or just now): continue where the user was going.
  if (session) return <Navigate to={next} replace />;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      signIn(await api.login({ email: email.trim(), password }));
    } catch (cause) {
      setError(messageOf(cause));
      setBusy(false);
    }
  }

  const signupLink = params.has("next") ? `/signup?next=${encodeURIComponent(next)}` : "/signup";
  return (
    <AuthLayout title="Sign in">
      {/* noValidate: the API's messages are the clear, authoritative ones; native bubbles would hide them. */}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-describedby="login-error">
        <label className="field">
          <span>Email</span>
          <input
            type="email"
            name="email"
            autoComplete="email"
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            data-testid="login-email"
          />
        </label>
        <label className="field">
          <span>Password</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="login-password"
          />
        </label>
        <ErrorMessage message={error} id="login-error" />
        <button type="submit" className="button-primary" disabled={busy} data-testid="login-submit">
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <p className="auth-switch">
        New to Aiuteur? <Link to={signupLink}>Create an account</Link>
      </p>
    </AuthLayout>
  );
}
