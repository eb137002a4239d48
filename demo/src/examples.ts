/** The example queries printed at start and shown in the README; a test runs them on the demo. */
export const EXAMPLE_QUERIES = [
  {
    title: 'Who adopted the soil guide, and what impact did they name?',
    query: `{
  artifact(id: "klamath-soil:seasonal-practices-guide") {
    title licence { spdx }
    adoptions { community { name } status context impact adaptedAs { id title } }
  }
}`,
  },
  {
    title: 'Lineage of the incident playbook across communities',
    query: `{
  artifact(id: "openinfra-sigs:incident-playbook") {
    lineage(direction: BOTH) { nodes { id title community { slug } } edges { sourceId derivativeId relation } truncated }
  }
}`,
  },
  {
    title: 'Feedback and responses, and the licence check along each adaptation',
    query: `{
  artifacts(first: 20) {
    edges { node { id title
      feedback { community { slug } kind body responses { community { slug } kind body } }
      licenceCheck { sourceId allowed rule } } }
  }
}`,
  },
];
