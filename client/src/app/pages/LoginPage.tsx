import { useState } from "react";
import { Link, Navigate } from "react-router";
import { api } from "../api";
import { useAuthPage } from "../auth";
import { ErrorMessage } from "../components/ErrorMessage";
import { TextField } from "../components/TextField";
import { useFormSubmit } from "../hooks/useFormSubmit";
import { AuthLayout } from "./AuthLayout";

export function LoginPage() {
  const { session, signIn, next, linkTo } = useAuthPage();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const form = useFormSubmit(async () => signIn(await api.login({ email: email.trim(), password })), {
    stayBusyOnSuccess: true,
  });

  // Signed in (already, or just now): continue where the user was going.
  if (session) return <Navigate to={next} replace />;

  return (
    <AuthLayout title="Sign in">
      {/* noValidate: the API's messages are the clear, authoritative ones; native bubbles would hide them. */}
      <form className="form" onSubmit={form.onSubmit} noValidate aria-describedby="login-error">
        <TextField label="Email" type="email" name="email" autoComplete="email" required autoFocus value={email} onValue={setEmail} testId="login-email" />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onValue={setPassword}
          testId="login-password"
        />
        <ErrorMessage message={form.error} id="login-error" />
        <button type="submit" className="button-primary" disabled={form.busy} data-testid="login-submit">
          {form.busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <p className="auth-switch">
        New to Aiuteur? <Link to={linkTo("/signup")}>Create an account</Link>
      </p>
    </AuthLayout>
  );
}
