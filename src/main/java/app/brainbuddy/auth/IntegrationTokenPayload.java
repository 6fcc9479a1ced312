package app.brainbuddy.auth;

import app.brainbuddy.user.IntegrationGrant;

/** A new integration token, shown once: only its grant is stored. */
record IntegrationTokenPayload(String token, IntegrationGrant integration) {}
