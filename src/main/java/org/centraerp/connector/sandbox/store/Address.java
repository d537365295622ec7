package org.centraerp.connector.sandbox.store;

/** A shipping or billing address of an order. */
public record Address(String firstName, String lastName, String companyName, String attention, String address1,
                      String address2, String city, String stateOrProvince, String zipCode, Integer countryId,
                      String email, String phoneNumber, String cellPhoneNumber, String faxNumber, String vatNumber) {
}
