package app.brainbuddy.auth;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every account is a {@code USER}; the accounts whose emails are listed in
 * {@code BRAINBUDDY_ADMIN_EMAILS} are also {@code ADMIN}. Roles travel in the token's
 * {@code roles} claim, so a change to the list applies from the next login.
 */
@ConfigurationProperties("brainbuddy.security")
record Roles(@DefaultValue Set<String> adminEmails) {

    static final String CLAIM = "roles";
    static final String ADMIN = "ROLE_ADMIN";

    Roles {
        adminEmails = adminEmails.stream()
                .map(Emails::normalize)
                .filter(email -> email != null && !email.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    List<String> of(String email) {
        return adminEmails.contains(email) ? List.of("USER", "ADMIN") : List.of("USER");
    }
}
