package org.centraerp.connector.sandbox.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Geography the sandbox's countries answer with: continent and EU membership by ISO code, and the states of the
 * countries Centra keeps states for (the United States here). Facts, not seed: every store has the same.
 */
public final class CountryFacts {

    /** A state or province: ISO 3166-2 subdivision code (without the country prefix) and name. */
    public record State(String code, String name) {
    }

    private static final Set<String> EU = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
            "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");
    private static final Set<String> NORTH_AMERICA = Set.of("US", "CA", "MX");
    private static final Set<String> ASIA = Set.of("CN", "JP", "KR", "IN", "SG", "HK", "TW", "TH", "AE");
    private static final Set<String> OCEANIA = Set.of("AU", "NZ");
    private static final Set<String> SOUTH_AMERICA = Set.of("BR", "AR", "CL", "CO", "PE");
    private static final Set<String> AFRICA = Set.of("ZA", "EG", "MA", "NG", "KE");

    private static final Map<String, List<State>> STATES = Map.of("US", us());

    private CountryFacts() {
    }

    public static boolean isEU(String iso2) {
        return EU.contains(iso2);
    }

    /** Continent name in English, e.g. "Europe"; Europe for codes not listed (the sandbox's stores sell there). */
    public static String continent(String iso2) {
        if (NORTH_AMERICA.contains(iso2)) {
            return "North America";
        }
        if (ASIA.contains(iso2)) {
            return "Asia";
        }
        if (OCEANIA.contains(iso2)) {
            return "Oceania";
        }
        if (SOUTH_AMERICA.contains(iso2)) {
            return "South America";
        }
        return AFRICA.contains(iso2) ? "Africa" : "Europe";
    }

    public static List<State> states(String iso2) {
        return STATES.getOrDefault(iso2, List.of());
    }

    /**
     * A state given by name or code as Centra stores it: its code when the country keeps states ("Alaska" and "AK"
     * both give "AK"), else the text as given.
     */
    public static String stateCode(String given, String iso2) {
        if (given == null) {
            return null;
        }
        return states(iso2).stream()
                .filter(s -> s.code().equalsIgnoreCase(given.trim()) || s.name().equalsIgnoreCase(given.trim()))
                .map(State::code).findFirst().orElse(given);
    }

    private static List<State> us() {
        Map<String, String> states = new LinkedHashMap<>();
        String[] pairs = {"AL", "Alabama", "AK", "Alaska", "AZ", "Arizona", "AR", "Arkansas", "CA", "California",
                "CO", "Colorado", "CT", "Connecticut", "DE", "Delaware", "DC", "District of Columbia", "FL", "Florida",
                "GA", "Georgia", "HI", "Hawaii", "ID", "Idaho", "IL", "Illinois", "IN", "Indiana", "IA", "Iowa",
                "KS", "Kansas", "KY", "Kentucky", "LA", "Louisiana", "ME", "Maine", "MD", "Maryland",
                "MA", "Massachusetts", "MI", "Michigan", "MN", "Minnesota", "MS", "Mississippi", "MO", "Missouri",
                "MT", "Montana", "NE", "Nebraska", "NV", "Nevada", "NH", "New Hampshire", "NJ", "New Jersey",
                "NM", "New Mexico", "NY", "New York", "NC", "North Carolina", "ND", "North Dakota", "OH", "Ohio",
                "OK", "Oklahoma", "OR", "Oregon", "PA", "Pennsylvania", "RI", "Rhode Island", "SC", "South Carolina",
                "SD", "South Dakota", "TN", "Tennessee", "TX", "Texas", "UT", "Utah", "VT", "Vermont",
                "VA", "Virginia", "WA", "Washington", "WV", "West Virginia", "WI", "Wisconsin", "WY", "Wyoming"};
        for (int i = 0; i < pairs.length; i += 2) {
            states.put(pairs[i], pairs[i + 1]);
        }
        return states.entrySet().stream().map(e -> new State(e.getKey(), e.getValue())).toList();
    }
}
