// What the grants achieved, on the community's indicators page: amounts paid beside amounts granted, and
// jobs reported beside jobs planned, by scheme, each as a chart with its data table and CSV.
import { BarChart } from "~/components/charts/bar-chart";
import {
  ACHIEVEMENT_IDS,
  ACHIEVEMENT_NOTES,
  ACHIEVEMENT_TITLES,
  achievementTable,
  type Achievements,
} from "~/domain/achievements";
import { formatEuros } from "~/domain/format";
import { formatFte } from "~/domain/indicators";

export function AchievementCharts({
  achievements,
  scope,
  query,
}: {
  achievements: Achievements;
  /** « déposés en 2026 », as the page's other titles say it. */
  scope: string;
  /** The year filter to pass to the CSV downloads, or "". */
  query: string;
}) {
  const bars = {
    versements: achievements.versements.map((row) => ({
      value: row.paidCents,
      valueLabel: `${formatEuros(row.paidCents)} sur ${formatEuros(row.grantedCents)}`,
    })),
    emplois: achievements.emplois.map((row) => ({
      value: row.achievedCreatedFte,
      valueLabel: `${formatFte(row.achievedCreatedFte)} sur ${formatFte(row.plannedCreatedFte)} ETP`,
    })),
  };
  return (
    <>
      <h2>Ce que les aides ont permis — dossiers {scope}</h2>
      {ACHIEVEMENT_IDS.map((id) => {
        const table = achievementTable(achievements, id);
        const title = `${ACHIEVEMENT_TITLES[id]} (${scope})`;
        return (
          <BarChart
            key={id}
            id={`realisations-${id}`}
            title={title}
            description={
              id === "versements"
                ? "Montants versés par la Région, sur les montants accordés."
                : "Emplois créés déclarés dans les comptes rendus approuvés, sur les emplois prévus."
            }
            bars={table.rows.map((row, index) => ({ label: row.header, ...bars[id][index]! }))}
            table={{ caption: `${title} : chiffres`, columns: table.columns, rows: table.rows }}
            csvHref={`/financeurs/indicateurs/${id}.csv${query}`}
          />
        );
      })}
      <ul className="indicator-method">
        {ACHIEVEMENT_IDS.map((id) => (
          <li key={id}>{ACHIEVEMENT_NOTES[id]}</li>
        ))}
      </ul>
    </>
  );
}
