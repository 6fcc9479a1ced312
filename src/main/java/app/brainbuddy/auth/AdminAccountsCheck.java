package app.brainbuddy.auth;

import app.brainbuddy.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Sign-up does not prove that an email is owned, so a listed administrator email without an account
 * could be claimed by whoever registers it first. Says so at startup.
 */
@Component
class AdminAccountsCheck implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminAccountsCheck.class);

    private final AdminEmails adminEmails;
    private final UserService users;

    AdminAccountsCheck(AdminEmails adminEmails, UserService users) {
        this.adminEmails = adminEmails;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        adminEmails.adminEmails().stream()
                .filter(email -> users.findByEmail(email).isEmpty())
                .sorted()
                .forEach(email -> log.warn(
                        "Administrator email {} has no account yet: register it now, before anyone else does", email));
    }
}
