package app.brainbuddy.auth;

import app.brainbuddy.limit.CounterStore;
import app.brainbuddy.limit.WindowLimit;
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
 * gives its attempts back: only failures count, and signing in often never locks anyone out. The
 * attempts are counted in MongoDB ({@link CounterStore}), so every instance on the database shares them.
 */
@Component
class AuthAttempts {

    private final WindowLimit loginsPerEmail;
    private final WindowLimit loginsPerAddress;
    private final WindowLimit signUpsPerEmail;
    private final WindowLimit signUpsPerAddress;

    AuthAttempts(RateLimitSettings settings, CounterStore counters, Clock clock) {
        this.loginsPerEmail = limit(
                "login-email", settings.login().perEmail(), counters, clock, "Too many login attempts for this email");
        this.loginsPerAddress = limit(
                "login-address",
                settings.login().perAddress(),
                counters,
                clock,
                "Too many login attempts from this address");
        this.signUpsPerEmail = limit(
                "register-email", settings.register().perEmail(), counters, clock, "Too many sign-ups for this email");
        this.signUpsPerAddress = limit(
                "register-address",
                settings.register().perAddress(),
                counters,
                clock,
                "Too many sign-ups from this address");
    }

    private static WindowLimit limit(
            String name, RateLimitSettings.Limit limit, CounterStore counters, Clock clock, String refusal) {
        return new WindowLimit(name, limit.attempts(), limit.period(), counters, clock, refusal);
    }

    /** Counts a login attempt, or refuses it (FORBIDDEN, saying when to retry) when there were too many. */
    void countLogin(String email, InetAddress client) {
        loginsPerAddress.take(addressKey(client));
        loginsPerEmail.take(email);
    }

    void loginSucceeded(String email, InetAddress client) {
        loginsPerAddress.giveBack(addressKey(client), 1);
        loginsPerEmail.giveBack(email, 1);
    }

    /** Counts a sign-up, or refuses it like {@link #countLogin}. */
    void countSignUp(String email, InetAddress client) {
        signUpsPerAddress.take(addressKey(client));
        signUpsPerEmail.take(email);
    }

    /** An IPv6 client usually has a whole /64 network to pick addresses from, so that counts as one address. */
    static String addressKey(InetAddress address) {
        if (address instanceof Inet6Address) {
            return HexFormat.of().formatHex(Arrays.copyOf(address.getAddress(), 8)) + "/64";
        }
        return address.getHostAddress();
    }
}
