package dev.tend.audit;

import java.util.List;

/** What one source of accounts returned: a description of where they came from, the accounts, and notes on what it cannot say. */
record Listing(String source, List<Account> accounts, List<String> notes) {}
