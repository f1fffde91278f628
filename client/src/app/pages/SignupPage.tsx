import { useState, type FormEvent } from "react";
import { Link, Navigate, useSearchParams } from "react-router";
import { FIELD_LIMITS } from "@aiuteur/shared";
import { api, messageOf } from "../api";
import { safeNextPath, useAuth } from "../auth";
import { ErrorMessage } from "../components/ErrorMessage";
import { AuthLayout } from "./AuthLayout";

export function SignupPage() {
  const { session, signIn } = useAuth();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get("next"));
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (session) return <Navigate to={next} replace />;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      signIn(await api.signup({ email: email.trim(), displayName: displayName.trim(), password }));
    } catch (cause) {
      setError(messageOf(cause));
      setBusy(false);
    }
  }

  const loginLink = params.has("next") ? `/login?next=${encodeURIComponent(next)}` : "/login";
  return (
    <AuthLayout title="Create your account">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-describedby="signup-error">
        <label className="field">
          <span>Email</span>
          <input
            type="email"
            name="email"
            autoComplete="email"
            required
            autoFocus
            maxLength={FIELD_LIMITS.email}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            data-testid="signup-email"
          />
        </label>
        <label className="field">
          <span>Display name</span>
          <input
            type="text"
            name="displayName"
            autoComplete="name"
            required
            maxLength={FIELD_LIMITS.displayName}
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            data-testid="signup-name"
          />
          <small className="hint">Shown to collaborators next to your caret.</small>
        </label>
        <label className="field">
          <span>Password</span>
          <input
            type="password"
            name="password"
            autoComplete="new-password"
            required
            maxLength={FIELD_LIMITS.passwordMax}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="signup-password"
          />
          <small className="hint">At least {FIELD_LIMITS.passwordMin} characters.</small>
        </label>
        <ErrorMessage message={error} id="signup-error" />
        <button type="submit" className="button-primary" disabled={busy} data-testid="signup-submit">
          {busy ? "Creating account…" : "Create account"}
        </button>
      </form>
      <p className="auth-switch">
        Already have an account? <Link to={loginLink}>Sign in</Link>
      </p>
    </AuthLayout>
  );
}
