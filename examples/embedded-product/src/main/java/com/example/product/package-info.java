/**
 * An example product embedding Provisio: {@link com.example.product.EmbeddedProduct} wires it,
 * {@link com.example.product.Accounts} is the product's own table and
 * {@link com.example.product.AccountsListener} keeps it in step with the identity provider.
 */
package com.example.product;
