package org.centraerp.connector.sandbox.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.graphql.PhpDateFormat;
import org.centraerp.connector.sandbox.store.PriceAlteration;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Status;
import org.centraerp.connector.sandbox.store.Store;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Price alterations: createPriceAlteration, updatePriceAlteration, priceAlteration. */
@Controller
@ConditionalOnSandboxEnabled
public class PriceAlterationController {

    record CreateInput(String name, Status status, Ref store, Instant startDate) {
    }

    record UpdateInput(String name, Status status, Instant startDate) {
    }

    private final SandboxData data;

    public PriceAlterationController(SandboxData data) {
        this.data = data;
    }

    @QueryMapping
    public PriceAlteration priceAlteration(@Argument int id) {
        return data.priceAlterations.find(id).orElse(null);
    }

    @MutationMapping
    public Payload createPriceAlteration(@Argument CreateInput input) {
        return data.write(() -> {
            var problems = new Problems();
            problems.requireText(input.name(), "name");
            Optional<Store> store = input.store().require(data.stores, "Store", "store", problems);
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            return Payload.of(data.priceAlterations.put(new PriceAlteration(data.priceAlterations.nextId(),
                    input.name(), input.status(), store.get().id(), input.startDate())), problems);
        });
    }

    @MutationMapping
    public Payload updatePriceAlteration(@Argument int id, @Argument UpdateInput input) {
        return data.write(() -> {
            var problems = new Problems();
            Optional<PriceAlteration> found = data.priceAlterations.find(id);
            if (found.isEmpty()) {
                return Payload.rejected(problems.error("Price alteration with id " + id + " does not exist", "id"));
            }
            if (input.name() != null) {
                problems.requireText(input.name(), "name");
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            PriceAlteration old = found.get();
            return Payload.of(data.priceAlterations.put(new PriceAlteration(id,
                    input.name() != null ? input.name() : old.name(),
                    input.status() != null ? input.status() : old.status(), old.storeId(),
                    input.startDate() != null ? input.startDate() : old.startDate())), problems);
        });
    }

    @SchemaMapping(typeName = "PriceAlteration", field = "startDate")
    public String startDate(PriceAlteration alteration) {
        return PhpDateFormat.format(alteration.startDate(), "Y-m-d");
    }

    @SchemaMapping(typeName = "PriceAlteration", field = "store")
    public Store store(PriceAlteration alteration) {
        return data.stores.find(alteration.storeId()).orElseThrow();
    }

    @SchemaMapping(typeName = "PriceAlteration", field = "deliveryWindows")
    public List<Object> deliveryWindows(PriceAlteration alteration) {
        return List.of();
    }
}
