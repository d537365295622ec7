package org.centraerp.connector.centra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** GraphQL errors: a request Centra cannot take is invalid; Centra's own internal error may go through later. */
class CentraEnvelopeErrorsTest {

    private final ObjectMapper json = new ObjectMapper();
    private final CentraEnvelope envelope = new CentraEnvelope(json);

    @Test
    void aValueCentraCannotTakeIsAnInvalidRequest() throws Exception {
        CentraQueryException e = errorsOf("""
                {"errors": [{"message": "Variable \\"$shippedAt\\" got invalid value \\"next tuesday\\"",
                             "extensions": {"category": "graphql"}}]}""");

        assertThat(e.serverFault()).isFalse();
        assertThat(e.getMessage()).contains("next tuesday").contains("fix the document");
    }

    @Test
    void internalErrorsOfCentraOrOfGraphqlJavaAreAServerFault() throws Exception {
        assertThat(errorsOf("""
                {"errors": [{"message": "Internal server error", "extensions": {"category": "internal"}}]}""")
                .serverFault()).isTrue();
        assertThat(errorsOf("""
                {"errors": [{"message": "INTERNAL_ERROR for 1", "extensions": {"classification": "INTERNAL_ERROR"}}]}""")
                .serverFault()).isTrue();
    }

    @Test
    void oneInvalidErrorAmongInternalOnesMakesTheRequestInvalid() throws Exception {
        assertThat(errorsOf("""
                {"errors": [{"message": "Internal server error", "extensions": {"category": "internal"}},
                            {"message": "Field \\"x\\" is not defined", "extensions": {"category": "graphql"}}]}""")
                .serverFault()).isFalse();
    }

    private CentraQueryException errorsOf(String body) throws Exception {
        return catchThrowableOfType(CentraQueryException.class,
                () -> envelope.throwErrors("shipments/complete", json.readTree(body)));
    }
}
