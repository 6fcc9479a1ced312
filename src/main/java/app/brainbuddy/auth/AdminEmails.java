package app.brainbuddy.auth;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The accounts whose emails are listed in {@code BRAINBUDDY_ADMIN_EMAILS} are administrators. It is
 * read on every request, so a change to the list applies at once (after a restart).
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
