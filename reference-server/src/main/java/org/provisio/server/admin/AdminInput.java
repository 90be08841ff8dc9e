package org.provisio.server.admin;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.provisio.scim.error.ScimException;

/** Validates admin API input with Hibernate Validator; the first violation becomes a 400. */
final class AdminInput {
    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    private AdminInput() {
    }

    static <T> T valid(T input) {
        Set<ConstraintViolation<T>> violations = VALIDATOR.validate(input);
        violations.stream().min(Comparator.comparing(v -> v.getPropertyPath().toString())).ifPresent(v -> {
            throw ScimException.invalidValue(v.getMessage());
        });
        return input;
    }

    static int integer(String name, String text, int absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ScimException.invalidValue("\"" + name + "\" must be a whole number");
        }
    }
}
