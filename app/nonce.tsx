import { createContext, useContext } from "react";

// The per-request CSP nonce: set by the server, read by <Scripts> and friends.
const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
