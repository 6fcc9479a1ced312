package app.brainbuddy.auth;

record LoginInput(String email, String password) {

    LoginInput {
        email = Emails.normalize(email);
    }
}
