import { useState } from "react";
import { Link, Navigate } from "react-router";
import { FIELD_LIMITS } from "@aiuteur/shared";
import { api } from "../api";
import { useAuthPage } from "../auth";
import { ErrorMessage } from "../components/ErrorMessage";
import { TextField } from "../components/TextField";
import { useFormSubmit } from "../hooks/useFormSubmit";
import { AuthLayout } from "./AuthLayout";

export function SignupPage() {
  const { session, signIn, next, linkTo } = useAuthPage();
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const form = useFormSubmit(
    async () => signIn(await api.signup({ email: email.trim(), displayName: displayName.trim(), password })),
    { stayBusyOnSuccess: true },
  );

  if (session) return <Navigate to={next} replace />;

  return (
    <AuthLayout title="Create your account">
      <form className="form" onSubmit={form.onSubmit} noValidate aria-describedby="signup-error">
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          required
          autoFocus
          maxLength={FIELD_LIMITS.email}
          value={email}
          onValue={setEmail}
          testId="signup-email"
        />
        <TextField
          label="Display name"
          name="displayName"
          autoComplete="name"
          required
          maxLength={FIELD_LIMITS.displayName}
          value={displayName}
          onValue={setDisplayName}
          testId="signup-name"
          hint="Shown to collaborators next to your caret."
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="new-password"
          required
          maxLength={FIELD_LIMITS.passwordMax}
          value={password}
          onValue={setPassword}
          testId="signup-password"
          hint={`At least ${FIELD_LIMITS.passwordMin} characters.`}
        />
        <ErrorMessage message={form.error} id="signup-error" />
        <button type="submit" className="button-primary" disabled={form.busy} data-testid="signup-submit">
          {form.busy ? "Creating account…" : "Create account"}
        </button>
      </form>
      <p className="auth-switch">
        Already have an account? <Link to={linkTo("/login")}>Sign in</Link>
      </p>
    </AuthLayout>
  );
}
