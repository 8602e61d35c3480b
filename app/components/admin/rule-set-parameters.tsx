// A published version's parameters in words, section by section (a published version is read-only).
import type { DescribedParameter } from "~/domain/schemes/parameter-form";

export function RuleSetParameters({
  sections,
}: {
  sections: Array<{ section: string; title: string; items: DescribedParameter[] }>;
}) {
  return (
    <>
      {sections.map((group) => (
        <section key={group.section} aria-labelledby={`parametres-${group.section}`}>
          <h3 id={`parametres-${group.section}`}>{group.title}</h3>
          <dl className="details">
            {group.items.map((item) => (
              <div key={item.name} className="rule-set-parameter">
                <dt>{item.label}</dt>
                <dd>
                  {Array.isArray(item.value) ? (
                    <ul>
                      {item.value.map((entry) => (
                        <li key={entry}>{entry}</li>
                      ))}
                    </ul>
                  ) : (
                    item.value
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}
