-- The per-IP sign-in limit counts recent failures by address.
create index login_attempt_ip_at on login_attempt (ip, at);
