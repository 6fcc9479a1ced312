package app.brainbuddy.session;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jspecify.annotations.Nullable;

/**
 * A session input's {@code brainwaveTarget} fits its {@code moduleType} ({@link ModuleType#fits}):
 * BRAINWAVE needs one, the other modules take none. Checked on the whole input, since it spans two
 * fields, and reported on {@code brainwaveTarget}; a missing module is left to its own
 * {@code @NotNull}.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = TargetFitsModuleValidator.class)
@interface TargetFitsModule {

    String message() default "is required for BRAINWAVE sessions and not allowed for other modules";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** An input that names a module and, for BRAINWAVE, the band it aims at. */
    interface Input {

        /** Null only before {@code @NotNull} has refused the input. */
        @Nullable
        ModuleType moduleType();

        @Nullable
        BrainwaveTarget brainwaveTarget();
    }
}
