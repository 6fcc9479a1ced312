package app.brainbuddy.auth;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The accounts whose emails are listed in {@code BRAINBUDDY_ADMIN_EMAILS} are administrators. The
 * list is read at startup and checked against the account on every request, so a change needs a
 * restart but no new login. Sign-up does not prove that an email is owned: register the
 * administrators' accounts before listing them (a startup warning names listed emails that have no
 * account yet).
 */
@ConfigurationProperties("brainbuddy.security")
record AdminEmails(@DefaultValue Set<String> adminEmails) {

    AdminEmails {
        adminEmails = adminEmails.stream()
                .map(Emails::normalize)
                .filter(email -> email != null && !email.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    boolean contains(String email) {
        return adminEmails.contains(email);
    }
}
