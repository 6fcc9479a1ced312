package app.brainbuddy.session;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

class TargetFitsModuleValidator implements ConstraintValidator<TargetFitsModule, TargetFitsModule.Input> {

    @Override
    public boolean isValid(TargetFitsModule.Input input, ConstraintValidatorContext context) {
        ModuleType moduleType = input.moduleType();
        if (moduleType == null || moduleType.fits(input.brainwaveTarget())) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                .addPropertyNode("brainwaveTarget")
                .addConstraintViolation();
        return false;
    }
}
