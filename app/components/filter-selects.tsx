// The dispositif, département and territoire selects of a GET filter form, the same for the instruction
// queue and the funders' pipeline: same names in the query string, same labels, « Tous… » when unset.
import { SelectField } from "~/components/form-field";
import { SCHEME_SLUGS } from "~/domain/schemes/slugs";
import type { SchemeCode } from "~/generated/prisma/enums";

export interface FilterSelectOptions {
  schemes: ReadonlyArray<{ slug: string; name: string }>;
  departments: ReadonlyArray<{ code: string; name: string }>;
  /** With its department when the page has room to tell two territories of the same name apart. */
  territories: ReadonlyArray<{ code: string; name: string; departmentCode?: string }>;
}

export function FilterSelects({
  filter,
  options,
}: {
  filter: { scheme: SchemeCode | null; department: string | null; territory: string | null };
  options: FilterSelectOptions;
}) {
  return (
    <>
      <SelectField
        name="dispositif"
        label="Dispositif"
        placeholder="Tous les dispositifs"
        defaultValue={filter.scheme ? SCHEME_SLUGS[filter.scheme] : ""}
        options={options.schemes.map((scheme) => ({ value: scheme.slug, label: scheme.name }))}
      />
      <SelectField
        name="departement"
        label="Département"
        placeholder="Tous les départements"
        defaultValue={filter.department ?? ""}
        options={options.departments.map((department) => ({
          value: department.code,
          label: `${department.name} (${department.code})`,
        }))}
      />
      <SelectField
        name="territoire"
        label="Territoire"
        placeholder="Tous les territoires"
        defaultValue={filter.territory ?? ""}
        options={options.territories.map((territory) => ({
          value: territory.code,
          label: territory.departmentCode
            ? `${territory.name} (${territory.departmentCode})`
            : territory.name,
        }))}
      />
    </>
  );
}
