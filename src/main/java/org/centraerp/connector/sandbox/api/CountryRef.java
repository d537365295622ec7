package org.centraerp.connector.sandbox.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.centraerp.connector.sandbox.store.Country;
import org.centraerp.connector.sandbox.store.SandboxData;

/** Centra's CountryInput: {@code {id: 6}} or {@code {code: "SE"}}. */
public record CountryRef(Integer id, String code) {

    public Optional<Country> find(SandboxData data) {
        if (id != null) {
            return data.countries.find(id);
        }
        return data.countries.stream().filter(c -> c.code().equalsIgnoreCase(String.valueOf(code))).findFirst();
    }

    /** The ids of the referenced countries; each unknown one is a userError under {@code input.<field>}. */
    public static List<Integer> resolveAll(SandboxData data, List<CountryRef> refs, String field, Problems problems) {
        List<Integer> ids = new ArrayList<>();
        if (refs != null) {
            for (CountryRef ref : refs) {
                ref.find(data).ifPresentOrElse(c -> ids.add(c.id()),
                        () -> problems.error("Country with " + ref.describe() + " does not exist", "input", field));
            }
        }
        return ids;
    }

    public String describe() {
        return id != null ? "id " + id : "code \"" + code + "\"";
    }
}
