import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "public/build/**",
      "node_modules/**",
      "app/generated/**",
      "data/**",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ["**/*.tsx"],
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    settings: { react: { version: "18" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      ...jsxA11y.configs.recommended.rules,
      "react/prop-types": "off",
      // A table wider than the screen scrolls inside a labelled region that keyboard users can focus
      // (WCAG 2.1.1; axe's scrollable-region-focusable).
      "jsx-a11y/no-noninteractive-tabindex": ["error", { roles: ["tabpanel", "region"], tags: [] }],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // The layers, enforced: no import cycle anywhere in the app; the domain is pure (no service, route, component,
  // PDF or database); services never reach up into routes or components. ARCHITECTURE.md explains the layers.
  {
    files: ["app/**/*.{ts,tsx}", "emails/**/*.ts"],
    plugins: { "import-x": importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    files: ["app/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex:
                "^~/(services|routes|components|pdf)/|^~/(db|session|storage|env|lifecycle)\\.server$|\\.server$",
              message:
                "Le domaine est du TypeScript pur : pas de service, de route, de composant, de PDF ni de base de données.",
            },
            { regex: "^~emails/", message: "Le domaine ne construit pas de courriels : un service le fait." },
          ],
        },
      ],
    },
  },
  {
    files: ["app/services/**/*.ts", "app/pdf/**/*.ts", "emails/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^~/(routes|components)/|^~/root$",
              message:
                "Un service, un PDF ou un courriel n’importe ni route ni composant : déplacez le code partagé dans app/domain.",
            },
          ],
        },
      ],
    },
  },
);
