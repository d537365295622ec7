package org.centraerp.connector.sandbox.api;

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

    public String describe() {
        return id != null ? "id " + id : "code \"" + code + "\"";
    }
}
