package app.brainbuddy.auth;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * Brute-force protection: logins and sign-ups are limited per email (against one account attacked
 * from many addresses) and per client address (against one address trying many emails), with
 * separate limits, since sign-ups are rarer and each one creates an account. An attempt is counted
 * before the password is looked at, so a refused one costs no password hash. A successful login
 * gives its attempts back: only failures count, and signing in often never locks anyone out.
 */
@Component
class AuthAttempts {

    private final RateLimiter loginsPerEmail;
    private final RateLimiter loginsPerAddress;
    private final RateLimiter signUpsPerEmail;
    private final RateLimiter signUpsPerAddress;

    AuthAttempts(RateLimitSettings settings, Clock clock) {
        int maxKeys = settings.maxKeys();
        this.loginsPerEmail =
                new RateLimiter(settings.login().perEmail(), maxKeys, clock, "Too many login attempts for this email");
        this.loginsPerAddress = new RateLimiter(
                settings.login().perAddress(), maxKeys, clock, "Too many login attempts from this address");
        this.signUpsPerEmail =
                new RateLimiter(settings.register().perEmail(), maxKeys, clock, "Too many sign-ups for this email");
        this.signUpsPerAddress = new RateLimiter(
                settings.register().perAddress(), maxKeys, clock, "Too many sign-ups from this address");
    }

    /** Counts a login attempt, or refuses it (FORBIDDEN, saying when to retry) when there were too many. */
    void countLogin(String email, InetAddress client) {
        loginsPerAddress.take(addressKey(client));
        loginsPerEmail.take(email);
    }

    void loginSucceeded(String email, InetAddress client) {
        loginsPerAddress.giveBack(addressKey(client));
        loginsPerEmail.giveBack(email);
    }

    /** Counts a sign-up, or refuses it like {@link #countLogin}. */
    void countSignUp(String email, InetAddress client) {
        signUpsPerAddress.take(addressKey(client));
        signUpsPerEmail.take(email);
    }

    /** An IPv6 client usually has a whole /64 network to pick addresses from, so that counts as one address. */
    private static String addressKey(InetAddress address) {
        if (address instanceof Inet6Address) {
            return HexFormat.of().formatHex(Arrays.copyOf(address.getAddress(), 8)) + "/64";
        }
        return address.getHostAddress();
    }
}
