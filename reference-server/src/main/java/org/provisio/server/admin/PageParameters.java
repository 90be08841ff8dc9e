package org.provisio.server.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/** The paging and filtering query parameters of the admin API's lists. */
public record PageParameters(
        @Min(value = 1, message = "\"startIndex\" must be at least 1") int startIndex,
        @Min(value = 0, message = "\"count\" must be between 0 and 1000")
        @Max(value = 1000, message = "\"count\" must be between 0 and 1000") int count,
        @Pattern(regexp = "(?i)pending|active|suspended", message = "\"status\" must be pending, active or suspended")
        String status) {
}
