package network.synod.scoring.closing;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Lets {@code NaN} and {@code Infinity} parse as numbers, so a truth of NaN is refused with a clear 400
 * instead of a parse error, and states holding NaN read back as they were written.
 */
@Singleton
public class JacksonSetup implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature());
    }
}
