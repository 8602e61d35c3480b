import { describe, expect, it } from "vitest";

import { cookieFrom, formRequest, getRequest } from "../../support/requests";

describe("test request helpers", () => {
  it("builds a form POST as a browser without JavaScript sends it", async () => {
    const request = formRequest(
      "/connexion?redirectTo=/espace",
      { email: "a@b.fr", choix: ["1", "2"] },
      { cookie: "s=1" },
    );
    expect(request.method).toBe("POST");
    expect(request.url).toBe("http://localhost:3000/connexion?redirectTo=/espace");
    expect(request.headers.get("Cookie")).toBe("s=1");
    expect(request.headers.get("Origin")).toBe("http://localhost:3000");
    const form = await request.formData();
    expect(form.get("email")).toBe("a@b.fr");
    expect(form.getAll("choix")).toEqual(["1", "2"]);
  });

  it("builds a GET without a cookie when none is given", () => {
    const request = getRequest("/espace");
    expect(request.method).toBe("GET");
    expect(request.headers.has("Cookie")).toBe(false);
  });

  it("keeps the cookies a response sets and drops the ones it clears", () => {
    const headers = new Headers();
    headers.append("Set-Cookie", "__session=abc; Path=/; HttpOnly; SameSite=Lax");
    headers.append("Set-Cookie", "flash=; Path=/; Max-Age=0");
    headers.append("Set-Cookie", "old=x; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
    headers.append("Set-Cookie", "theme=dark; Path=/; Expires=Fri, 01 Jan 2100 00:00:00 GMT");
    expect(cookieFrom(new Response(null, { headers }))).toBe("__session=abc; theme=dark");
    expect(cookieFrom(new Response(null))).toBe("");
  });
});
