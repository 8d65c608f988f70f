import type { analysisSv } from './messages-sv.ts';

/** English texts of the analysis feature, same keys as Swedish (the type makes the compiler check). */
export const analysisEn: typeof analysisSv = {
  nav: 'Analysis',
  title: 'Analysis',
  intro:
    'See where and when events cluster more than chance explains. The analyses use only the reports you are allowed to see; withdrawn reports never count.',
  form: {
    legend: 'Selection and settings',
    selection: 'Selection',
    period: 'Period',
    lastWeeks: 'Last weeks',
    weeksOption_one: 'Last week',
    weeksOption_other: 'Last {{count}} weeks',
    range: 'Own dates',
    from: 'From',
    to: 'To (inclusive)',
    focusArea: 'Focus area',
    allFocusAreas: 'All focus areas',
    categories: 'Categories',
    categoriesHint: 'None chosen means every category (within the focus area, if one is chosen).',
    hotspotSettings: 'Hot spots',
    cellSize: 'Cell size (metres)',
    alpha: 'Significance level (FDR)',
    permutations: 'Permutations',
    analytic: 'None (analytic p-value, fastest)',
    densitySettings: 'Density',
    bandwidth: 'Search radius/bandwidth (metres)',
    bandwidthAuto: 'Empty = rule of thumb',
    nearRepeatSettings: 'Near repeats (last 12 months)',
    spaceBand: 'Distance band (metres)',
    spaceBands: 'Number of distance bands',
    timeBand: 'Time band (days)',
    timeBands: 'Number of time bands',
    iterations: 'Iterations (99–999)',
    run: 'Run the analysis',
    running: 'Calculating…',
  },
  sections: {
    map: 'Map',
    hotspots: 'Hot and cold spots',
    density: 'Density',
    nearRepeat: 'Near repeats',
    evaluation: 'How well did the hot spots predict the next period?',
    methods: 'About the methods',
  },
  mapLabel: 'Map of the municipality with hot and cold cells and density contours',
  layers: { hotspots: 'Show hot/cold cells', density: 'Show density contours' },
  legend: {
    hot: 'Hot cell: more reports than chance explains',
    cold: 'Cold cell: fewer than expected',
    density: 'Density contour (darker = denser)',
  },
  hotspots: {
    summary:
      '{{events}} reports {{from}}–{{to}}. {{hot}} hot and {{cold}} cold cells of {{cells}} ({{size}} m cells, FDR {{alpha}}).',
    none: 'No cell differs from chance at the chosen level. That is an answer too: the events are no more clustered than chance gives.',
    permutationLimit:
      'With {{n}} permutations no p-value can be below {{minP}}. After the FDR correction over {{cells}} cells that is rarely enough for any cell to be significant. Choose larger cells or analytic p-values.',
    sparseHint:
      'With few reports and small cells a single report can make a "hot" cell, because the method\'s normal approximation then fails. That is why 250 m is the default; choose larger cells when reports are few, and smaller ones only when they are many.',
    eventsInHot: '{{count}} of the reports lie in hot cells.',
    tooltip: '{{count}} reports, z = {{z}}, p = {{p}}',
    byArea: 'Significant cells by area',
    area: 'Area',
    hotCells: 'Hot cells',
    coldCells: 'Cold cells',
    eventsInHotCells: 'Reports in hot cells',
  },
  density: {
    summary: 'Bandwidth {{bandwidth}} m ({{rule}}). Highest density {{max}} reports per km².',
    rules: { given: 'chosen by you', 'arcgis-silverman': "Silverman's rule of thumb as in ArcGIS" },
    contour: 'At least {{share}} % of the highest density',
  },
  nearRepeat: {
    summary: '{{events}} reports {{from}}–{{to}}, {{iterations}} iterations.',
    noVerdict:
      'The test shows no established raised risk close in space and time for this selection. That does not mean the risk is low, only that the pattern does not show in the data.',
    table: 'Knox table: pairs of reports by the distance and time between them',
    distance: 'Distance',
    time: 'Time between',
    sameLocation: 'Same location',
    observed: 'Observed',
    expected: 'Expected',
    ratio: 'Ratio',
    p: 'p',
    metres: '{{min}}–{{max}} m',
    beyondMetres: 'Over {{min}} m',
    days: '{{min}}–{{max}} days',
    beyondDays: 'Over {{max}} days',
    significant: 'Bold: ratio above 1 and p below 0.05.',
  },
  warning: { title: 'Near-repeat warning' },
  evaluation: {
    periods: 'Hot spots from {{from1}}–{{to1}} tested against the reports {{from2}}–{{to2}}.',
    hitRate: 'Hit rate',
    hitRateText: '{{n2}} of {{N2}} reports in the next period fell in the hot cells.',
    areaShare: 'Share of the area',
    areaShareText: '{{k}} of {{cells}} cells.',
    pai: 'PAI',
    paiText: 'Hit rate divided by the share of the area. 1 = chance; higher is better.',
    pei: 'PEI',
    peiText: 'How close to the best possible with as many cells (1 = perfect).',
    rri: 'RRI',
    rriText: 'Above 1: the hot cells kept a larger share of the events than the municipality as a whole.',
    notDefined: 'not defined',
    noHotCells: 'The period gave no hot cells to test.',
  },
  methods: {
    gistar: {
      detail:
        "For analysts: Getis & Ord (1992, 1995), Gi* with binary queen weights including the cell itself, z-score under randomisation; the same numbers as PySAL esda G_Local(star=True) and R spdep localG. The grid is SWEREF 99 TM, cells at whole multiples of the cell size, over the municipality's bounding box (empty cells included).",
      title: 'Hot spots (Getis-Ord Gi*)',
      body: 'The municipality is divided into square cells. For each cell the reports in it and its eight neighbours are counted and compared with the average over the whole municipality. Gi* is a z-score: how many standard deviations above (hot) or below (cold) expectation the neighbourhood lies. A high z in one cell can be chance, so a cell must also pass the correction for testing thousands of cells at once.',
    },
    fdr: {
      detail:
        'For analysts: Benjamini & Hochberg (1995) over every cell of the grid; a cell is hot when its adjusted p (q) ≤ the chosen level and z > 0, cold when z < 0.',
      title: 'Correcting for many tests (FDR)',
      body: "Test thousands of cells at the 5 % level and about 5 % come out 'significant' by chance alone. The Benjamini–Hochberg procedure (false discovery rate, FDR) adjusts the p-values so that at most about 5 % of the flagged cells are expected to be false alarms. Only cells that pass the adjusted level are shown.",
    },
    permutations: {
      detail:
        'For analysts: conditional randomisation (Anselin 1995): the cell keeps its own value, its neighbours are drawn without replacement from the other cells; two-sided p = min(1, 2(1 + min(#≥, #≤))/(N + 1)). The same seed gives the same result.',
      title: 'Permutations',
      body: 'Instead of the normal distribution the p-value can come from reshuffling the values around each cell many times. That assumes less but is slower, and with N reshuffles p can never be below 2/(N+1).',
    },
    kde: {
      detail:
        'For analysts: quartic (biweight) kernel, Silverman (1986) eq. 4.5 as in ArcGIS; rule of thumb h = 0.9 · min(SD, √(1/ln 2) · Dm) · n^−0.2, SD the standard distance and Dm the median distance from the mean centre. Density in reports per km² at cell centres.',
      title: 'Density (kernel density estimation, KDE)',
      body: 'Each report is spread out as a smooth hill with a given radius, the bandwidth. The hills add up to a surface showing where reports lie close together. A large bandwidth gives a smooth picture, a small one a spotty one. Without your choice a rule of thumb (Silverman, as in ArcGIS) uses how spread out and how many the reports are. The contours show where the density is at least 20, 40, 60 and 80 % of the highest. Density shows where much happens, not whether it is more than chance.',
    },
    knox: {
      detail:
        "For analysts: Knox (1964) with Monte Carlo permutation of dates over fixed places (Johnson et al. 2007); bands (0, M], (M, 2M] … in metres and [0, D], [D+1, 2D] … in whole days (Swedish calendar days), without the Near Repeat Calculator's off-by-one; expected = mean over N permutations, p = (1 + #{permuted ≥ observed})/(1 + N).",
      title: 'Near repeats (Knox test)',
      body: 'The Knox test takes every pair of reports and counts how many are close both in distance and in time, for example within 200 m and 7 days. Then the dates are shuffled among the places many times to see how many such pairs to expect if time and place were unrelated. A ratio observed/expected above 1 with a low p-value means events follow each other closely in space and time more often than chance gives.',
      caveats:
        'Caveats: the test says nothing about the cause (the same offender, the same vulnerability or the same reporter). It needs a year of data and preferably hundreds of reports; few reports make a weak test. We only warn when the cell 0–{{metres}} m and 0–{{days}} days has a ratio above 1 and p below 0.05. Many cells are tested at once, so a single low p-value further out in the table may be chance.',
    },
    evaluation: {
      detail:
        'For analysts: PAI = (n/N)/(a/A) (Chainey, Tompson & Uhlig 2008); PEI = n/n*, n* the most next-period reports as many cells could have held (Hunt 2016); RRI = (n₂/n₁)/(N₂/N₁) (Levine 2008). Hot cells = Gi* hot cells of the first period with the same settings.',
      title: 'Evaluation (hit rate, PAI, PEI, RRI)',
      body: "A hot-spot map is only useful if it points to where things happen next. We take one period's hot cells and count how much of the next period's reports fell in them. PAI (Chainey et al. 2008) is the hit rate divided by the cells' share of the area. PEI compares with the best an area of the same size could have captured. RRI (Levine 2008) compares how much of the events the hot cells kept between the periods. The area is the municipality's cells (centre inside the boundary) and the few cells just outside that hold a report.",
    },
  },
  errors: {
    TOO_FEW_EVENTS:
      'Too few reports in the selection for this analysis ({{events}}, at least {{minimum}} needed). Choose a longer period or more categories.',
    ANALYSIS_TOO_LARGE:
      'Too much to compute in one request: choose larger cells or fewer permutations (at most {{maxPermutations}} with this cell size).',
    NO_FOLLOWING_PERIOD: 'The period has not ended yet, so there is no later period to test its hot spots against.',
    VALIDATION: 'Check the settings: {{detail}}',
  },
};
