package app.brainbuddy.auth;

import app.brainbuddy.user.User;
import java.time.Instant;

record AuthPayload(String token, Instant expiresAt, User user) {}
