// French grammar around names that start with an article: « attribuer aux Jardins partagés », « la demande
// du Grenier solidaire », « d’Atelier du Cher », never « à Les Jardins » nor « de Le Grenier ».

const ARTICLE = /^(?:(les|le|la)\s+|(l[’']))/iu;

function split(name: string): { article: string | null; rest: string } {
  const match = ARTICLE.exec(name.trim());
  if (!match) return { article: null, rest: name.trim() };
  return {
    article: (match[1] ?? match[2]!).toLowerCase().replace("'", "’"),
    rest: name.trim().slice(match[0].length),
  };
}

/** « à » before a name: « aux Jardins… », « au Grenier… », « à la Compagnie… », « à l’Atelier… », « à Coopaction ». */
export function toName(name: string): string {
  const { article, rest } = split(name);
  switch (article) {
    case "les":
      return `aux ${rest}`;
    case "le":
      return `au ${rest}`;
    case "la":
      return `à la ${rest}`;
    case "l’":
      return `à l’${rest}`;
    default:
      return `à ${rest}`;
  }
}

/** « de » before a name: « des Jardins… », « du Grenier… », « de la Compagnie… », « d’Atelier… », « de Coopaction ». */
export function ofName(name: string): string {
  const { article, rest } = split(name);
  switch (article) {
    case "les":
      return `des ${rest}`;
    case "le":
      return `du ${rest}`;
    case "la":
      return `de la ${rest}`;
    case "l’":
      return `de l’${rest}`;
    default:
      return /^[aeiouyhàâéèêëîïôûœ]/iu.test(rest) ? `d’${rest}` : `de ${rest}`;
  }
}
