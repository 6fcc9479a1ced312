package app.brainbuddy.account;

record DeleteAccountPayload(boolean deleted) {}
