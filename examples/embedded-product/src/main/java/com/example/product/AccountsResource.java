package com.example.product;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.stream.Collectors;

/** The product's own API, served by the same Jersey application as Provisio: {@code GET /accounts}. */
@Path("accounts")
public final class AccountsResource {
    private final Accounts accounts;

    public AccountsResource(Accounts accounts) {
        this.accounts = accounts;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String list() {
        return accounts.all().stream()
                .map(a -> a.userName() + (a.locked() ? " locked" : " open"))
                .collect(Collectors.joining("\n"));
    }
}
