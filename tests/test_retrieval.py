"""Hybrid retrieval through its public interface: ``retrieve`` and LangChain's ``invoke``.

Ranking quality is tested with the real model; ranking mechanics (modes, rank
numbering, fusion, determinism) with the fake embedder, which is instant.
"""

from __future__ import annotations

import numpy as np
import pytest
from langchain_core.documents import Document

from o2r_assistant.config import Settings
from o2r_assistant.embeddings import get_embedder
from o2r_assistant.index import open_index
from o2r_assistant.retrieval import (
    BM25,
    RRF_K,
    DenseLeg,
    HybridRetriever,
    RetrievalResult,
    Retrieved,
    _synonym,
    _word_initials,
    phrase_meanings,
    term_bound_words,
    without_stray_terms,
)

FORMATION = "Les dépenses de formation sont-elles éligibles ?"
FORMATION_ANSWER = "Les dépenses de formation ne sont pas éligibles"


@pytest.fixture
def real_index(settings: Settings, served_index):
    return open_index(settings, get_embedder(settings.embedder))


@pytest.fixture
def fake_index_served(fake_assistant):
    return fake_assistant.index


def top_texts(index, query: str, k: int = 3, mode: str = "hybrid") -> list[str]:
    retriever = HybridRetriever(index=index, k=k, mode=mode)
    return [hit.chunk.text for hit in retriever.retrieve(query).hits]


# ------------------------------------------------------------ quality, real model


@pytest.mark.parametrize("mode", ["hybrid", "dense", "bm25"])
def test_formation_question_ranks_ami_passage_first(real_index, mode):
    assert FORMATION_ANSWER in top_texts(real_index, FORMATION, mode=mode)[0]


def test_pathway_question_finds_decret_passage(real_index):
    texts = top_texts(real_index, "durée maximale de l'accompagnement")
    assert any("douze mois pour une même personne" in t for t in texts[:3])


@pytest.mark.parametrize("town", ["Saint-Nazaire", "Angers"])
def test_place_names_expand_to_the_region(real_index, town):
    question = f"Notre projet se déroule à {town}, est-ce possible ?"
    retriever = HybridRetriever(index=real_index, k=5)
    result = retriever.retrieve(question)
    assert "Loire-Atlantique" in result.expanded
    assert any("Loire-Atlantique (44)" in hit.chunk.text for hit in result.hits)


# ------------------------------------------------------------ mechanics, fake embedder


@pytest.mark.parametrize("k", [1, 3, 7])
def test_hits_are_ranked_one_to_k_by_falling_score(fake_index_served, k):
    result = HybridRetriever(index=fake_index_served, k=5).retrieve(FORMATION, k=k)
    assert isinstance(result, RetrievalResult) and result.query == FORMATION
    assert all(isinstance(hit, Retrieved) for hit in result.hits)
    assert [hit.rank for hit in result.hits] == list(range(1, k + 1))
    scores = [hit.score for hit in result.hits]
    assert scores == sorted(scores, reverse=True)
    assert len({hit.chunk.chunk_id for hit in result.hits}) == k


def test_default_k_comes_from_the_retriever(fake_index_served):
    assert len(HybridRetriever(index=fake_index_served, k=4).retrieve(FORMATION).hits) == 4


def test_each_mode_uses_its_own_legs(fake_index_served):
    def hits(mode: str) -> list[Retrieved]:
        return HybridRetriever(index=fake_index_served, k=5, mode=mode).retrieve(FORMATION).hits

    dense, lexical, hybrid = hits("dense"), hits("bm25"), hits("hybrid")
    assert all(h.dense_rank is not None and h.lexical_rank is None for h in dense)
    assert all(h.lexical_rank is not None and h.dense_rank is None for h in lexical)
    assert all(h.dense_rank is not None or h.lexical_rank is not None for h in hybrid)
    assert any(h.dense_rank is not None and h.lexical_rank is not None for h in hybrid)


def test_fusion_adds_reciprocal_ranks(fake_index_served):
    hits = HybridRetriever(index=fake_index_served, k=10).retrieve(FORMATION).hits
    for hit in hits:
        expected = sum(
            1 / (RRF_K + rank) for rank in (hit.dense_rank, hit.lexical_rank) if rank is not None
        )
        assert hit.score == pytest.approx(expected)


def test_a_passage_scores_as_its_best_sentence(fake_index_served):
    refs, matrix = fake_index_served.sentences()
    vector = fake_index_served.embedder.embed_query(FORMATION)
    expected: dict[str, float] = {}
    sims = (matrix @ np.asarray(vector, dtype=np.float32)).tolist()
    for ref, sim in zip(refs, sims, strict=True):
        expected[ref.chunk_id] = max(sim, expected.get(ref.chunk_id, -1.0))
    scores = DenseLeg(fake_index_served).best_sentence_scores(vector)
    assert len(refs) > len(expected) > 1  # some passages have several sentences
    assert scores == pytest.approx(expected)


def test_same_query_same_ranking(fake_index_served):
    retriever = HybridRetriever(index=fake_index_served, k=8)
    first, second = retriever.retrieve(FORMATION), retriever.retrieve(FORMATION)
    assert [(h.chunk.chunk_id, h.score) for h in first.hits] == [
        (h.chunk.chunk_id, h.score) for h in second.hits
    ]


def test_invoke_returns_langchain_documents(fake_index_served):
    retriever = HybridRetriever(index=fake_index_served, k=3)
    docs = retriever.invoke(FORMATION)
    hits = retriever.retrieve(FORMATION).hits
    assert all(isinstance(doc, Document) for doc in docs)
    assert [doc.id for doc in docs] == [hit.chunk.chunk_id for hit in hits]
    assert [doc.metadata["rank"] for doc in docs] == [1, 2, 3]
    assert docs[0].page_content == hits[0].chunk.text
    assert docs[0].metadata["doc_id"] == hits[0].chunk.doc_id


def test_place_name_reaches_the_departments_passage_lexically(fake_index_served):
    retriever = HybridRetriever(index=fake_index_served, k=5, mode="bm25")
    hits = retriever.retrieve("Notre projet se déroule à Angers, est-ce possible ?").hits
    assert any("Loire-Atlantique (44)" in hit.chunk.text for hit in hits)


@pytest.mark.parametrize(
    ("query", "means"),
    [
        # A misspelt everyday or English word means what it misspells...
        ("do we need seperate acounting for the project?", "comptabilité"),
        ("Is there a minimun for the costs?", "minimum inférieur"),
        # ... and the people a call is meant for, in English, what the texts call its public.
        ("Would she be part of the target population?", "public personnes"),
    ],
)
def test_a_misspelt_mapped_word_is_mapped_too(fake_index_served, query: str, means: str):
    lexical, dense = HybridRetriever(index=fake_index_served, k=5).expand(query)
    assert means in lexical and means not in dense


@pytest.mark.parametrize(
    ("query", "region"),
    [
        # The region in the call's name asks nowhere; a town or the region alone does.
        ("What is the lowest budget for the Pays de la Loire O2R call?", False),
        ("Nous répondons à l'AMI O2R Pays de la Loire : quel budget ?", False),
        ("Le projet doit-il être mené en Pays de la Loire ?", True),
        ("Nous sommes à Angers pour l'AMI O2R, est-ce possible ?", True),
        # A place in a statement of who asks, not in what is asked, nor pointed back to.
        ("We are a public body near Angers. Can we apply?", False),
        ("Our organisation works in Mayenne. Is that within the area covered?", True),
        # ... but not a setting of something else asked about.
        (
            "We already do outreach work in Nantes. Does that count, or must the project be new?",
            False,
        ),
        (
            "On fait déjà du travail de rue à Angers. Ça compte, ou faut-il un projet nouveau ?",
            False,
        ),
    ],
)
def test_the_call_name_does_not_ask_where(fake_index_served, query: str, region: bool):
    lexical, dense = HybridRetriever(index=fake_index_served, k=5).expand(query)
    assert ("départements" in lexical) is region
    assert ("départements" in dense) is region


def test_an_acronym_is_spelled_by_a_name_not_by_any_run_of_words():
    written = _word_initials("Le décret est publié au Journal officiel de la République.")
    assert "JO" in written
    # "contribution de droit" is no name: its initials spell nothing.
    assert "CDD" not in _word_initials("La contribution de droit due aux lauréats.")
    # An acronym's own initial spells nothing: "AMI Pays de la Loire" is no "APL".
    assert "APL" not in _word_initials("L'AMI Pays de la Loire est l'un de ces appels.")


def test_a_short_unknown_word_is_not_read_as_a_misspelling(fake_index_served):
    # ... but not a short word, which is too close to too many others.
    lexical, _ = HybridRetriever(index=fake_index_served, k=5).expand("Des lots ?")
    assert lexical == "Des lots ?"


# ------------------------------------------------------------ BM25 scoring


def test_bm25_scores_matching_documents_only():
    bm25 = BM25([["format", "depens"], ["dure", "mois"], []])
    scores = bm25.scores(["format"])
    assert scores[0] > 0 and scores[1] == 0 and scores[2] == 0
    assert not bm25.scores(["inconnu"]).any()


def test_bm25_rare_terms_weigh_more_and_short_documents_win():
    docs = [["commun", "rare"], ["commun"], ["commun", "autre", "mot", "encore"]]
    bm25 = BM25(docs)
    scores = bm25.scores(["commun", "rare"])
    assert scores.argmax() == 0  # the only document with the rare term
    common = bm25.scores(["commun"])
    assert common[1] > common[2]  # same frequency, shorter document


@pytest.mark.parametrize(
    "question",
    [
        "Peut-on répondre à trois associations ?",
        "Three of us orgs want to apply as a group, what do we need?",
        "Can two charities apply jointly?",
    ],
)
def test_applying_as_several_reads_as_the_texts_say_it(question: str) -> None:
    assert any("chef de file" in meaning for meaning in phrase_meanings(question))


@pytest.mark.parametrize(
    ("question", "meaning"),
    [
        ("l'O2R ça sort d'où ? c'est tout neuf ?", "100 % inclusion"),
        ("Did something similar exist before O2R?", "100 % inclusion"),
        ("L'O2R est-il la continuité de ces appels ?", "100 % inclusion"),
        ("L'O2R est-il la continuation de ces appels ?", "100 % inclusion"),
        ("cette O2R, c'est un tout nouveau dispositif ?", "100 % inclusion"),
        ("faut avoir déjà bossé dans l'insertion ou une asso toute neuve ça passe ?", "expérience"),
        ("Notre ancienneté dans l'insertion est-elle regardée ?", "expérience"),
        ("We are a newly created charity, is that a problem?", "expérience"),
        ("Nos comptes sont un peu dans le rouge, ça risque de nous plomber ?", "santé financière"),
        ("Does it matter whether we are in good shape money-wise?", "santé financière"),
        ("will they look at our finances when assessing the bid?", "santé financière"),
        ("ils vont checker nos comptes ou jst le projet ?", "santé financière"),
        ("Et le montage financier, ça compte aussi dans le choix ?", "crédibilité financière"),
        ("nos gens ont des galeres de sante, de logement, pas de voiture", "cumulent des"),
        ("Our people have health and housing problems.", "cumulent des difficultés"),
        ("Et l'accompagnement socio-pro, c'est systématique ?", "lorsque c'est nécessaire"),
        ("chaque personne doit obligatoirement enchaîner sur un accompagnement ?", "nécessaire"),
        ("Is support mandatory for everyone we meet?", "lorsque c'est nécessaire"),
        ("Should projects be tailored to local conditions?", "territorialisée"),
        ("jpeux deposer le dossier tt seul ou faut etre plusieurs assos ?", "candidater seul"),
        ("Ces jeunes pourraient-ils entrer alors qu'ils sont inscrits ?", "titre subsidiaire"),
        ("à quelles conditions accompagner ces personnes inscrites ?", "titre subsidiaire"),
        ("cibler ces personnes, ou seulement celles qui ne sont inscrites nulle part ?", "titre"),
        ("Can we include them, or only people who are not registered?", "titre subsidiaire"),
        ("Can we apply alone or do we need partners?", "candidater seul ou avec d'autres"),
        ("Faut-il que chaque association dépose un dossier ?", "candidater seul ou avec"),
        ("Does each partner submit its own application?", "candidater seul ou avec"),
        ("ou un modèle unique appliqué partout ?", "territorialisée"),
        ("Will they go through our accounts too?", "santé financière"),
        ("ou bien les gens viennent à notre local quand ils veulent ?", "au lieu d'attendre"),
        ("is it okay if people come to our office?", "au lieu d'attendre"),
        ("must our workers go out to meet the people?", "au lieu d'attendre"),
        ("Sommes-nous assurés d'être financés si tout est conforme ?", "crédits ouverts"),
        ("Si l'enveloppe de l'État est déjà bien entamée, on sera étudiés ?", "crédits ouverts"),
        ("are we guaranteed funding or is there a limit on the money?", "crédits ouverts"),
        ("Si notre projet est éligible, sera-t-il forcément financé ?", "crédits ouverts"),
        ("ne sommes-nous pas assurés d'être conventionnés ?", "crédits ouverts"),
        ("we don't need to be part of the réseau already to apply, do we?", "devient membre"),
        ("Faut-il déjà faire partie du réseau pour l'emploi pour candidater ?", "devient membre"),
        (
            "dans la convention, il faudra décrire les personnes qu'on cible ?",
            "caractéristiques sociales et professionnelles",
        ),
        ("Si tout est conforme, sommes-nous sûrs d'être retenus ?", "crédits ouverts"),
        ("c quoi la diff entre nous et la ML ?", "différenciée du droit commun"),
        ("Ils demandent s'ils seraient couverts en cas d'accident.", "sécurité sociale"),
        ("Un accident du travail pendant un atelier, qui le prend en charge ?", "sécurité sociale"),
        ("What if a participant gets hurt during a workshop?", "sécurité sociale"),
        ("Que vise-t-on pour les gens à la fin ?", "finalité"),
        ("De quels dispositifs antérieurs l'offre a-t-elle pris la suite ?", "prolonge"),
        ("What outcome is expected once they complete the pathway?", "finalité"),
        ("Notre projet ne va-t-il pas faire doublon ?", "différenciée du droit commun"),
        ("on fait pas le même taf qu'eux ?", "différenciée du droit commun"),
        ("si on fait grosso modo pareil qu'eux, ça passe ?", "différenciée du droit commun"),
        ("Est-ce qu'on peut tout faire en ligne, ou faut-il un dossier papier ?", "dématérialisée"),
        ("Can we send the application by e-mail?", "dématérialisée"),
        ("Assuming we meet every requirement, is State funding guaranteed?", "crédits ouverts"),
        ("Is there any budgetary constraint on how many applications?", "crédits ouverts"),
        ("Y a-t-il une contrainte budgétaire sur le nombre de projets ?", "crédits ouverts"),
        ("les sous de l'etat c une subvention ou quoi ?", "contribution financière de l'État"),
        ("What does the State money actually pay for?", "contribution financière de l'État"),
        ("Is the money coming from the Regional Council?", "contribution financière de l'État"),
        ("Who actually provides the money?", "contribution financière de l'État"),
        ("L'argent vient de la Région ou de l'État ?", "contribution financière de l'État"),
        ("des personnes déjà inscrites à Pôle emploi, ça compte ?", "titre subsidiaire"),
        ("Can we take people registered with France Travail?", "titre subsidiaire"),
        ("et s'ils sont toujours sur la liste des demandeurs ?", "titre subsidiaire"),
        ("les jeunes qu'on suit, ils touchent quelque chose ?", "rémunération"),
        ("Do the participants get an allowance?", "rémunération"),
        ("jetais suivi par la mission locale mais jai tout lache", "décroché de solutions"),
        ("Des jeunes décrocheurs, ça rentre dans l'AMI ?", "décroché de solutions"),
        ("ok et une fois remobilisé, on doit le diriger vers où ?", "orienter les personnes"),
        ("Vers qui les orienter après le parcours ?", "orienter les personnes"),
        ("Which organisations do people get sent to when it is finished?", "orienter les"),
        ("Who should we refer them to afterwards?", "orienter les personnes"),
        ("Et le dossier, on l'envoie à quelle préfecture ?", "au préfet de la région"),
        ("À qui faut-il adresser notre candidature ?", "au préfet de la région"),
        ("Which authority do we send the application to?", "au préfet de la région"),
        ("If everything is in order, is the money guaranteed?", "crédits ouverts"),
        ("Is it brand-new or the continuation of earlier schemes?", "depuis 2019"),
        ("Le montant donné par l'État, il est calculé comment ?", "compense les charges"),
        ("Du coup c'est laquelle d'entre nous qui coordonne ?", "chef de file"),
        ("on peut y aller à plusieurs assos ou faut candidater tout seul ?", "seul ou avec"),
        ("Une structure ne peut pas candidater seule, il faut un groupement ?", "seul ou avec"),
        ("Is a partnership mandatory?", "seul ou avec"),
        ("Quelle est la part de l'État dans le financement du projet ?", "contribution financière"),
        ("What is the State's share of the budget?", "contribution financière"),
        ("Quelle différence entre l'O2R et une SIAE ?", "différenciée du droit commun"),
        ("How does O2R differ from the youth contract?", "différenciée du droit commun"),
        ("Est-ce qu'on peut espérer une suite au-delà ?", "renouvelée"),
        ("Qui, au bout du compte, choisit les projets : un jury, l'État ?", "DREETS"),
        ("Who decides which bids get funded?", "DREETS"),
        ("Et une fois le dossier déposé, qui l'examine ?", "DREETS"),
        ("Which authority selects the operators: a national agency?", "DREETS"),
        ("Is the number approved capped by the budget appropriations?", "crédits ouverts"),
        ("Can the agreement be renewed after three years?", "renouvelée"),
        ("May one organisation apply on its own, or is a partnership required?", "seul ou avec"),
        ("Which of us has to sign the agreement?", "chef de file"),
        ("Ça veut dire quoi, inscrit nulle part ?", "ne sont pas inscrits"),
        ("What counts as registered nowhere?", "ne sont pas inscrits"),
        ("people not signed up anywhere?", "ne sont pas inscrits"),
        ("How will the bids be scored?", "critères suivants"),
        ("slt c koi les criteres pr que le dossier soit pris ?", "critères suivants"),
        ("Et ils se basent sur quoi pour départager ?", "critères suivants"),
        ("en gros la loi elle nous demande de faire koi ??", "trois missions"),
        ("Sur quels articles du code du travail repose ce dispositif ?", "base légale"),
        ("genre un mec sans appart avec des galeres de sante ?", "cumulent des difficultés"),
        ("What is the legal basis of the scheme?", "base légale"),
        ("la loi plein emploi, elle a un rapport avec l'appel O2R ?", "base légale"),
        ("What's the link between the law and this call?", "base légale"),
        ("Où trouver les articles réglementaires sur le conventionnement ?", "D. 5316-16"),
        ("L'opérateur devra-t-il se déplacer jusqu'à chez lui ?", "là où elles se trouvent"),
        ("Faut-il suivre le projet à part, ou notre comptabilité générale suffit ?", "analytique"),
        ("Do we need separate accounts for the project?", "analytique"),
        ("Faut-il trois ans d'expérience minimum pour déposer ?", "expérience"),
        ("Will someone travel to them if they never leave the village?", "aller vers"),
        ("What does the law expect us to actually do?", "trois missions"),
        ("si ya plus de thune dans l'enveloppe ils prennent plus personne ?", "crédits ouverts"),
        ("Comment le projet sera-t-il évalué une fois lancé ?", "modalités de suivi"),
        ("Quels indicateurs de suivi faudra-t-il transmettre ?", "modalités de suivi"),
        ("la date limite est la même partout, fixée par le décret ?", "calendrier"),
        ("Is the deadline set nationally or by each region?", "calendrier"),
        ("Une fois retenus, fera-t-on partie du réseau pour l'emploi ?", "devient membre"),
        ("la régie qui porte le projet, elle fait partie du réseau ensuite ?", "devient membre"),
        ("Is O2R just the old programme under a new name?", "prolonge"),
        ("faut-il allait vers les gens dans les villages", "aller vers"),
        ("on tient des permanences dans notre local deux fois par semaine", "aller vers"),
        ("Et si notre partenaire se retire avant la signature ?", "seul ou avec"),
        ("What if our partner pulls out after we submit?", "seul ou avec"),
        ("L'O2R peut-elle prendre le relais de notre action existante ?", "prolonge"),
        ("Faut-il que tout soit tourné vers l'emploi ?", "finalité"),
        ("Must everything be geared towards jobs?", "finalité"),
        (
            "Plusieurs me demandent s'ils toucheront de l'argent pendant l'accompagnement.",
            "rémunération",
        ),
        ("Will they get any money during the pathway?", "rémunération"),
        ("Et elle, elle touchera quelque chose pendant ces mois-là ?", "rémunération"),
        ("Will he earn anything while he is followed?", "rémunération"),
        ("Est-ce que ça remplace ce que fait Cap emploi ?", "complémentaire"),
        ("Is the scheme meant to replace existing services?", "complémentaire"),
        ("Quel est le rôle de l'État dans l'O2R ?", "contribution financière de l'État"),
        ("What exactly does the State pay for?", "contribution financière de l'État"),
        ("Pouvez-vous me dire ce que l'opérateur doit faire concrètement ?", "trois missions"),
        ("What must the operator do?", "trois missions"),
        ("Faut-il qu'elles s'inscrivent d'abord à France Travail ?", "ne sont pas inscrits"),
        ("Do people have to sign up with France Travail first?", "ne sont pas inscrits"),
        ("Are people who walked away from the support offered a priority?", "décroché"),
        ("Suppose we get picked. What's the next formal step?", "lauréats signent ensuite"),
        ("si on est retenus, c quoi l'etape d'apres ?", "lauréats signent ensuite"),
        ("Un dossier conforme peut-il vraiment être écarté ?", "limite des crédits"),
        ("combien de temps au maximum peut-on l'accompagner ?", "douze mois"),
        ("How long can we support someone?", "douze mois"),
        ("Is it then considered part of the Réseau pour l'emploi?", "devient membre"),
        ("le projet doit coller a notre coin ou c le meme modele partout ?", "territorialisée"),
        ("faut d'abord régler ça avant de parler boulot ?", "en même temps"),
        ("Will they look at our organisation's own accounts?", "santé financière"),
        ("Who examines the applications? And on what basis do they decide?", "critères"),
        ("Our workshops look a lot like what France Travail runs in town.", "complémentaire"),
        ("Pouvez-vous me dire ce que règle de son côté le décret ?", "conventionnement"),
        ("Est-on obligé de proposer à chacun un parcours d'accompagnement ?", "lorsque c'est"),
        ("Isn't the O2R France Travail's own offer under a new label?", "différenciée"),
        (
            "Notre idée serait de reprendre l'accompagnement que propose déjà la mission locale.",
            "différenciée",
        ),
        ("nous on fait une perm et les gens passent quand ils veulent, ca suffit ?", "aller vers"),
        ("As I understand it, the O2R was created by the June 2024 decree.", "article 7"),
        ("c'est le décret qui a créé les organismes de repérage ?", "article 7"),
        ("il faut envoyer notre candidature à l'agence France Travail ?", "au préfet"),
        ("Can we submit our application to the county council?", "au préfet"),
        ("concretement une o2r elle doit faire koi ??", "trois missions"),
        ("y aura des controles ou on fait ce qu'on veut ?", "contrôle"),
        ("on a le droit de faire juste du reperage et basta ?", "trois missions"),
        ("Will anyone check what we do with the money?", "contrôle"),
        ("Et c'est quel article qui crée les organismes de repérage ?", "article 7"),
        # Acting beside the network, asked as an obligation or a permission.
        (
            "on est obligé de taffer avec la mission locale ou on peut faire notre truc seuls ?",
            "en lien avec les autres membres",
        ),
        ("Devra-t-il travailler avec les autres acteurs locaux ?", "en lien avec"),
        ("Must we work with the job centre?", "en lien avec"),
        ("Et l'ancrage local ?", "ancrage territorial"),
        ("how well rooted the applicant is locally?", "ancrage territorial"),
        ("est-ce qu'ils peuvent venir jusqu'à lui ?", "aller vers"),
        ("faire des permanences dans les bourgs plutôt que d'attendre les gens ?", "aller vers"),
        ("Is this O2R thing something the region came up with?", "chaque région la déploie"),
        ("L'O2R, ça existe aussi dans les autres régions ?", "chaque région la déploie"),
        ("Est-ce que je dois d'abord me réinscrire quelque part ?", "ne sont pas inscrits"),
        ("Est-ce que je serais payé pendant qu'on m'accompagne ?", "rémunération"),
        ("They are already signed up at the job centre.", "subsidiaire"),
        ("homeless people, never signed up anywhere: in scope?", "ne sont pas inscrits"),
        ("inscrit nul part, il y a un truc pour lui ?", "ne sont pas inscrits"),
        ("Which regional prefect should we apply to?", "au préfet de la région"),
        ("on peut l'envoyer par internet ou faut l'imprimer et le poster ?", "dématérialisée"),
        ("sur quel fondement législatif repose ce dispositif ?", "base légale"),
        ("Et une asso conventionnée O2R, elle en fait partie elle aussi ?", "devient membre"),
        ("once they've been through the programme?", "finalité"),
        ("would their money situation count against them?", "santé financière"),
        ("one of them must be the 'lead applicant'?", "chef de file"),
        ("public cible", "public prioritaire"),
        ("how our work fits alongside what the job centre offers", "complémentarité"),
        (
            "un dossier avec beaucoup de partenaires a plus de chances d'être bien regardé ?",
            "projets structurants",
        ),
        (
            "partnerships - do they count for anything when projects get assessed?",
            "projets structurants",
        ),
        # The convention or the action prolonged is the convention renewed.
        ("L'action peut-elle être prolongée au-delà ?", "renouvelée"),
        ("Peut-on prolonger la convention après trois ans ?", "renouvelée"),
        # The file named first, then taken up by a pronoun, is sent somewhere.
        ("le dossier faut l envoyer a france travail direct ?", "adresse sa demande"),
        # The scheme as what follows the earlier calls.
        ("Le dispositif O2R en est-il la suite ?", "prolonge les appels"),
        ("Is the O2R the successor of the PIC calls?", "prolonge les appels"),
        # An action close to an existing offer, a programme relabelled.
        (
            "Nous pensons répondre avec une action très proche de ces prestations.",
            "différenciée du droit commun",
        ),
        ("can we basically just relabel it as our O2R project?", "différenciée du droit commun"),
        # Joining the network.
        ("does an O2R operator join the Réseau pour l'emploi?", "devient membre"),
        # How partners share the roles.
        ("Comment on s'organise entre nous vis-à-vis de la convention ?", "chef de file"),
        ("How do we split the work between the partners?", "chef de file"),
        # The people sent on to a member of the network go to the ordinary schemes.
        ("faut les envoyer a france travail ou pas", "droit commun"),
        # Who reads the file examines it; several partners name a lead.
        ("Qui va lire notre dossier ?", "DREETS instruit"),
        ("Who will read our application?", "DREETS instruit"),
        ("Qui signe la convention quand on est plusieurs ?", "chef de file"),
        ("qui doit être chef de file ?", "chef de file"),
        # How the actions are judged.
        ("où sont fixées les règles d'évaluation ?", "seront évaluées"),
        ("faut faire une eval de nos actions ou c pas obligé ?", "seront évaluées"),
        # The people described, as the convention must.
        ("must the agreement describe the profile of the people we reach?", "caractéristiques"),
    ],
)
def test_recurring_questions_read_as_the_texts_say_them(question: str, meaning: str) -> None:
    assert any(meaning in m for m in phrase_meanings(question))


@pytest.mark.parametrize(
    ("question", "meaning"),
    [
        # Whom the missions are meant for, not where a bid is sent.
        ("Et elles s'adressent à qui exactement ?", "au préfet de la région"),
        ("Which authority examines the applications on behalf of the prefect?", "au préfet"),
        # A figure of speech, not a way of sending the file.
        ("La situation financière entre-t-elle en ligne de compte ?", "dématérialisée"),
        # General accounts kept beside the project's analytic ones are no financial health.
        ("Faut-il une compta analytique, alors que nos comptes généraux sont tenus ?", "santé"),
        # Working alongside the network is no joint bid; the local missions are no missions.
        ("Must we work together with France Travail and the local missions?", "chef de file"),
        ("Must we work together with France Travail and the local missions?", "trois missions"),
        # Two missions listed are no mission alone.
        (
            "nous on fait 0 formation, juste du reperage + remobilisation, c grave ?",
            "trois missions",
        ),
        # Training as where people go next is no training paid for.
        ("Une entrée en formation compte-t-elle comme une sortie ?", "dépenses de formation"),
        # Where a text comes from is no history of the scheme.
        ("bon le cahier des charges national il sort d'où ?", "100 % inclusion"),
        ("ok et ce chiffre il sort d'où, c'est dans la loi ?", "100 % inclusion"),
        ("Est-ce obligatoire, et d'où vient cette exigence ?", "100 % inclusion"),
        # The legal basis of one measure is not the scheme's.
        ("Sur quel article du code du travail repose la rémunération ?", "base légale"),
        ("Must we keep analytical accounts, and on what legal basis?", "base légale"),
        # A link between the project and the call is no legal basis.
        ("Quel lien entre notre projet et l'AMI ?", "base légale"),
        # How bids are judged is selection; the deadline itself no text gives.
        ("Comment les projets sont-ils évalués pour être retenus ?", "modalités de suivi"),
        ("quelle est la date limite de dépôt ?", "calendrier"),
        # Someone's own papers renewed are no convention renewed, nor one person's pathway
        # prolonged.
        ("Comment renouveler ma carte grise ?", "renouvelée"),
        ("Le parcours d'un jeune peut-il être prolongé au-delà ?", "renouvelée"),
        # Who takes over after the pathway is no history of the scheme.
        ("Après les 12 mois, qui prend le relais ?", "prolonge"),
        # Reaching people is no pay for them.
        ("Comment toucher les jeunes invisibles du quartier ?", "rémunération"),
        # The candidate registering on a platform is no public registered.
        ("Faut-il s'inscrire sur Démarches simplifiées ?", "ne sont pas inscrits"),
        # Nor is a role written down.
        ("Ce rôle doit-il être inscrit quelque part officiellement ?", "ne sont pas inscrits"),
        # A partner replaced is no offer replacing others.
        ("Peut-on remplacer un partenaire en cours de projet ?", "complémentaire"),
        # An organisation's money for its project is no pay for the people.
        ("Est-ce qu'ils auront de l'argent pour le projet ?", "rémunération"),
        # Who is in the network is no candidate joining it.
        ("Qui fait partie du réseau pour l'emploi ?", "devient membre"),
        ("la mairie, elle fait partie du réseau pour l'emploi ?", "devient membre"),
        # Working with the network told, not asked as a duty.
        ("on bosse déjà avec la mission locale du coin, ça joue pour nous ?", "en lien avec"),
        # A project run in another region, and priorities the same everywhere, are not
        # whether the scheme exists elsewhere.
        ("On peut intervenir aussi dans d'autres régions ?", "chaque région la déploie"),
        ("les priorités c les memes dans toute la France ?", "chaque région la déploie"),
        # What a lead partner must do is no question of who leads.
        ("Is the lead organisation required to keep accounts?", "chef de file"),
        # Told, not asked.
        ("Nos actions sont bien vues des élus.", "projets structurants"),
        # One criterion named is asked about itself, not partnerships.
        ("does gender equality count for anything when projects are selected?", "structurants"),
        ("Pouvons-nous valoriser le bénévolat dans le budget ?", "structurants"),
        # The file sent somewhere is no person sent on.
        ("le dossier faut l'envoyer a france travail direct ?", "droit commun"),
        # Reading a text, or how bids are judged, is no evaluation of the actions.
        ("Qui lit le cahier des charges en premier ?", "DREETS instruit"),
        ("Comment les projets sont-ils évalués pour être retenus ?", "seront évaluées"),
        # Someone joining the project, a step after the pathway, no scheme before it.
        ("Un nouveau partenaire peut-il rejoindre le projet ?", "devient membre"),
        ("Et la suite du parcours, c'est quoi ?", "prolonge les appels"),
        # Organising the work alone.
        ("Comment s'organise le repérage sur le terrain ?", "chef de file"),
        # Activities fitted to the public targeted ask nothing of who it is.
        ("Les activités doivent-elles être adaptées au public ciblé ?", "public prioritaire"),
    ],
)
def test_words_in_another_sense_read_as_no_idiom(question: str, meaning: str) -> None:
    assert not any(meaning in m for m in phrase_meanings(question))


@pytest.mark.parametrize(
    "question",
    [
        "Des jeunes qui ne sont pas inscrits à France Travail peuvent-ils être accompagnés ?",
        "Nous visons des personnes inscrites ni à France Travail, ni à la mission locale.",
        "Is O2R for people who are not registered with France Travail?",
        "Nous accompagnons les personnes inscrites nulle part.",
    ],
)
def test_people_registered_nowhere_are_no_subsidiary_public(question: str) -> None:
    assert not any("subsidiaire" in m for m in phrase_meanings(question))


@pytest.mark.parametrize(
    "question",
    [
        "Faut-il que les jeunes soient inscrits à Pôle emploi pour qu'on les suive ?",
        "Do they have to be registered with France Travail first?",
    ],
)
def test_a_registration_required_is_asked_of_the_public_registered_nowhere(question: str) -> None:
    meanings = " ".join(phrase_meanings(question))
    assert "ne sont pas inscrits" in meanings
    assert "subsidiaire" not in meanings


def test_the_staffs_pay_is_no_remuneration_of_the_people_supported() -> None:
    meanings = " ".join(phrase_meanings("Nos conseillers sont payés sur le budget du projet ?"))
    assert "rémunération" not in meanings


def test_a_follow_ups_idioms_are_its_own_not_those_of_the_question_it_is_completed_with():
    follow_up = " ".join(phrase_meanings("and who do we address it to? (Can we send it online?)"))
    assert "dématérialisée" not in follow_up
    assert "préfet" in follow_up
    completed = " ".join(phrase_meanings("can we send it online? (Who do we address it to?)"))
    assert "dématérialisée" in completed
    assert "préfet" not in completed


def test_a_new_organisation_is_no_question_on_the_schemes_origin() -> None:
    meanings = " ".join(phrase_meanings("une asso toute neuve peut-elle candidater ?"))
    assert "100 % inclusion" not in meanings
    assert "expérience" in meanings
    # The project's accounting is another matter than the organisation's finances.
    meanings = " ".join(phrase_meanings("Faut-il tenir une comptabilité séparée pour le projet ?"))
    assert "santé financière" not in meanings and "comptabilité analytique" in meanings
    # An amount asked is no question on whether funding is sure.
    assert not phrase_meanings("What is the total funding envelope for the region?")


@pytest.mark.parametrize(
    "question",
    [
        "Vers qui envoyer notre dossier ?",
        "Is the application sent to the prefect?",
        "It is enough if the social services send them to us?",
        "Vers où se situe le siège de la DREETS ?",
    ],
)
def test_a_file_sent_or_people_sent_to_us_is_no_question_on_where_people_go(question) -> None:
    assert not any("orienter les personnes" in m for m in phrase_meanings(question))


def test_an_english_cognate_finds_the_french_word_in_both_legs(real_index):
    # "mobility" is "mobilité" by its ending: the lexical leg searches it too.
    retriever = HybridRetriever(index=real_index, k=5)
    result = retriever.retrieve("does the call say anything about mobility problems?")
    assert "mobilité" in result.expanded
    assert "mobilité" in result.hits[0].chunk.text
    assert result.hits[0].lexical_rank == 1


def test_only_words_the_texts_never_write_are_glossed(real_index):
    retriever = HybridRetriever(index=real_index, k=5)
    # "payé" is no word of the texts: their word for it is glossed.
    assert retriever.glosses("jsuis payé ou pas ??") == "rémunération ressources"
    # "durée" is theirs: nothing to gloss.
    assert retriever.glosses("Quelle est la durée ?") == ""
    # Debts are weighed as the candidate's "santé financière"; a convention is "conclue".
    assert retriever.glosses("on a des dettes") == "santé financière"
    assert retriever.glosses("Signée avec qui ?") == "conclue signent"
    assert retriever.glosses("même celles qui ont déjà des revenus ?") == "ressources"


@pytest.mark.parametrize(
    ("word", "meaning"),
    [
        ("payé", "rémunération ressources"),
        ("paye", "rémunération ressources"),  # typed without its accent
        ("chomeurs", "demandeurs d'emploi inscrits"),
        ("ou", None),  # "où" without its accent is another word
        # Doing other than the common services is what the texts call differentiated.
        ("different", "différenciée complémentaires"),
        # The State's agreement is what the texts call the convention.
        ("agreement", "convention"),
        # The operator's own people are its "personnel"; a statute's purpose its "objet social".
        ("salariés", "personnel"),
        ("statutory", "objet social"),
        ("filles", "femmes égalité"),
        ("parité", "égalité femmes hommes"),
        ("examined", "instruit instruction"),
        # An English word inflected from one the table knows.
        ("bidding", "candidature"),
        ("charities", "associations organismes"),
    ],
)
def test_an_everyday_word_is_mapped_with_or_without_its_accents(word, meaning):
    assert _synonym(word) == meaning


@pytest.mark.parametrize(
    ("question", "meaning"),
    [
        ("Et pourront-elles toucher quelque chose pendant leur parcours ?", "rémunération"),
        ("Les participants touchent-ils quelque chose ?", "rémunération"),
        ("Si un participant se blesse pendant un atelier, est-il couvert ?", "sécurité sociale"),
        ("Are participants insured during the workshops?", "sécurité sociale"),
        ("Elle nous demande si elle sera couverte en cas d'accident.", "sécurité sociale"),
    ],
)
def test_being_paid_or_covered_in_the_words_of_a_pronoun(question: str, meaning: str) -> None:
    assert any(meaning in m for m in phrase_meanings(question))


def test_needs_left_uncovered_are_no_social_security() -> None:
    question = "Les besoins des personnes ne sont pas couverts sur notre territoire."
    assert not any("sécurité sociale" in m for m in phrase_meanings(question))


@pytest.mark.parametrize(
    "question",
    [
        "si ft fait deja des ateliers cv, on peut proposer la meme chose ou faut un truc different",
        "faut faire different d'eux ou on peut faire pareil ?",
    ],
)
def test_doing_the_same_as_others_or_not_is_differentiation(question: str) -> None:
    assert any("différenciée" in m for m in phrase_meanings(question))


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("lenght", "length"),
        ("aplications", "applications"),
        ("regoin", "region"),
        ("acompany", "accompany"),
        # A word of the reader's own, a word of the texts, a name or a word two slips away.
        ("length", None),
        ("projets", None),
        ("prefer", None),
        ("along", None),
    ],
)
def test_an_english_typing_slip_is_read_as_the_word_it_misses(real_index, typed: str, read):
    assert HybridRetriever(index=real_index).english_typo(typed) == read


@pytest.mark.parametrize("word", ["partner", "programmes", "means", "older"])
def test_an_english_word_of_its_own_is_no_typing_slip(real_index, word: str) -> None:
    assert HybridRetriever(index=real_index).english_typo(word) is None


@pytest.mark.parametrize(
    "question",
    [
        "On pensait ouvrir nos portes en attendant que les jeunes viennent nous voir, ça suffit ?",
        "Can we just wait for people to come to our centre?",
    ],
)
def test_waiting_for_people_to_come_is_read_against_outreach(question: str) -> None:
    assert any("aller vers" in m for m in phrase_meanings(question))


@pytest.mark.parametrize(
    ("question", "meaning"),
    [
        ("on fait des maraudes le soir, ça compte comme du reperage ?", "aller vers"),
        ("What counts as a successful exit from the programme?", "finalité"),
        ("A quoi ressemble une sortie réussie ?", "finalité"),
    ],
)
def test_outreach_and_a_good_way_out_in_other_words(question: str, meaning: str) -> None:
    assert any(meaning in m for m in phrase_meanings(question))


def test_a_word_the_texts_keep_for_one_term_means_nothing_outside_it(real_index) -> None:
    bound = term_bound_words(real_index)
    assert bound.get("commun") == "droit commun"
    kept = without_stray_terms("Un projet commun, ou le droit commun ?", bound)
    assert "projet commun" not in kept and "droit commun" in kept
    # Words the texts also write alone stay.
    assert "aller" not in bound and "reseau" not in bound


def test_an_english_question_finds_the_texts_words_for_its_own() -> None:
    for word, french in [
        ("sign", "conclue"),
        ("grant", "contribution"),
        ("outreach", "repérage"),
        ("force", "vigueur"),
        ("funded", "financés"),
    ]:
        assert french in (_synonym(word) or "")


def test_each_legs_first_passage_is_kept_beside_the_fused_ones(real_index) -> None:
    retriever = HybridRetriever(index=real_index, k=3)
    result = retriever.retrieve("with whom do successful applicants sign their agreement?")
    assert len(result.leaders) == 3
    lexical_first = retriever._lexical.rank(result.expanded, 1)
    assert next(iter(lexical_first)) in result.leaders


@pytest.mark.parametrize(
    ("question", "meaning"),
    [
        (
            "Et faudra-t-il décrire les personnes qui travailleront sur le projet ?",
            "moyens en personnel",
        ),
        ("Qu'est-ce que l'État attendra de nous en contrepartie ?", "engagements"),
        ("And what do we owe the State in return?", "engagements"),
    ],
)
def test_what_a_phrase_asks_about_is_read_in_the_texts_words(question: str, meaning: str) -> None:
    assert any(meaning in m for m in phrase_meanings(question))


@pytest.mark.parametrize(
    ("question", "meaning"),
    [
        ("faudra rendre des comptes a l'etat sur ce kon fait ?", "suivi évaluation contrôle"),
        ("Et s'ils sont plusieurs sur la même action, l'un d'eux doit tenir la barre ?", "chef"),
        ("ya deja 1 asso qui fait un peu pareil dans notre quartier", "complémentarité"),
        ("jpeux candidater tout seul ou faut etre au moins 2 assos ?", "seul ou avec"),
    ],
)
def test_a_plain_worded_notion_is_read_in_the_texts_words(question: str, meaning: str) -> None:
    assert any(meaning in m for m in phrase_meanings(question))


def test_english_words_for_who_may_apply_and_the_floor_are_mapped() -> None:
    assert "minimum" in (_synonym("floor") or "")
    assert "privé" in (_synonym("company") or "")


@pytest.mark.parametrize(
    ("question", "meaning"),
    [
        # Sent somewhere, whatever the verb's form or the voice.
        ("on envoie le dossier a qui en fait ??", "adresse sa demande"),
        ("Who should our application be addressed to?", "adresse sa demande"),
        # What the O2R is for, and what the law created.
        ("votre truc o2r sa sert a quoi exactement ?", "trois missions"),
        ("What does an O2R organisation actually do all day?", "trois missions"),
        ("l'article 7 il cree koi concretement", "a créé en son article 7"),
        ("What did article 7 of the law actually create?", "a créé en son article 7"),
        # The person asking, paid.
        ("si je fais leur truc o2r je suis payé ou pas ??", "rémunération"),
        ("Would I get paid?", "rémunération"),
        # Whether it serves someone described.
        ("Est-ce que c'est fait pour des jeunes comme lui ?", "publics dits invisibles"),
        ("is this thing meant for people like him??", "publics dits invisibles"),
        # What the reviewers look at first.
        ("ce que l'administration regarde en priorité lorsqu'elle instruit", "critères"),
        # The writer far from work, asking for themselves.
        ("je suis au RSA et je cherche du travail, vous pouvez m'aider ?", "invisibles"),
        ("Hi, I'm unemployed and live in Angers, can this help me?", "invisibles"),
    ],
)
def test_questions_worded_by_people_outside_the_call_read_as_the_texts_say_them(
    question: str, meaning: str
) -> None:
    assert any(meaning in m for m in phrase_meanings(question))


@pytest.mark.parametrize(
    "question",
    [
        # Not what the decree is for, nor a staff member paid, nor who it is meant for.
        "Le CPOM, ça sert à quoi ?",
        "Notre coordinatrice sera payée sur le budget du projet ?",
        "Who is the offer meant for?",
    ],
)
def test_near_wordings_keep_their_own_reading(question: str) -> None:
    meanings = phrase_meanings(question)
    assert not any("trois missions" in m or "rémunération" in m for m in meanings)
