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
    patternSettings: 'Patterns over time and concentration',
    interval: 'Time steps',
    intervals: { week: "Weeks (the 7 days back from the period's end)", month: 'Calendar months' },
    concentrationUnit: 'Concentration by',
    units: { cells: 'Grid cells', places: 'Named places' },
    run: 'Run the analysis',
    running: 'Calculating…',
  },
  sections: {
    map: 'Map',
    hotspots: 'Hot and cold spots',
    density: 'Density',
    nearRepeat: 'Near repeats',
    evaluation: 'How well did the hot spots predict the next period?',
    emerging: 'Emerging hot spots (space and time)',
    concentration: 'How concentrated are the events?',
    methods: 'About the methods',
  },
  mapLabel: 'Map of the municipality with hot and cold cells and density contours',
  layers: {
    hotspots: 'Show hot/cold cells',
    density: 'Show density contours',
    emerging: 'Show emerging hot spots',
  },
  legend: {
    hot: 'Hot cell: more reports than chance explains',
    cold: 'Cold cell: fewer than expected',
    density: 'Density contour (darker = denser)',
  },
  run: {
    starting: 'Calculating…',
    queued: 'Queued, place {{position}}: other analyses run first.',
    running: 'Calculating… {{percent}} %',
    cancel: 'Cancel',
    cancelled: 'The analysis was cancelled. Run the analysis again to compute it.',
  },
  hotspots: {
    summary:
      '{{events}} reports {{from}}–{{to}}. {{hot}} hot and {{cold}} cold cells of {{cells}} ({{size}} m cells, FDR {{alpha}}).',
    none: 'No cell differs from chance at the chosen level. That is an answer too: the events are no more clustered than chance gives.',
    permutationLimit:
      'With {{n}} permutations no p-value can be below {{minP}}. After the FDR correction over {{cells}} cells that is rarely enough for any cell to be significant. Choose larger cells or analytic p-values.',
    sparseHint:
      'With few reports and small cells a single report can make a "hot" cell, because the method\'s normal approximation then fails. That is why 250 m is the default and a cell is hot only with at least {{minCount}} reports in it and its neighbours; choose larger cells when reports are few, and smaller ones only when they are many.',
    studyArea:
      "The grid is the municipality's {{cells}} cells, those whose centre lies inside its boundary; {{excluded}} cells of the bounding box (water, neighbouring municipalities) do not count.",
    outside: '{{count}} reports lie in cells outside the boundary and are not counted.',
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
    significant:
      'Bold: ratio above 1.00 and p below 0.05, in the bands close in space and time (the last "over" bands are only the rest of all pairs).',
  },
  warning: { title: 'Near-repeat warning' },
  emerging: {
    summary:
      "{{events}} reports {{from}}–{{to}} in {{steps}} time steps, {{size}} m cells. {{patterns}} of the municipality's {{cells}} cells show a pattern (FDR {{alpha}}).",
    none: 'No cell shows a pattern over time at the chosen level.',
    pattern: 'Pattern',
    cells: 'Cells',
    meaning: 'Means',
    tooltip: '{{category}}: {{count}} reports, hot in {{hot}} and cold in {{cold}} of {{steps}} time steps',
    kinds: {
      hot: { kind: 'hot', Kind: 'Hot', kindPlural: 'hot', opposite: 'cold' },
      cold: { kind: 'cold', Kind: 'Cold', kindPlural: 'cold', opposite: 'hot' },
    },
    names: {
      'new-hot': 'New hot spot',
      'consecutive-hot': 'Consecutive hot spot',
      'intensifying-hot': 'Intensifying hot spot',
      'persistent-hot': 'Persistent hot spot',
      'diminishing-hot': 'Diminishing hot spot',
      'sporadic-hot': 'Sporadic hot spot',
      'oscillating-hot': 'Oscillating hot spot',
      'historical-hot': 'Historical hot spot',
      'new-cold': 'New cold spot',
      'consecutive-cold': 'Consecutive cold spot',
      'intensifying-cold': 'Intensifying cold spot',
      'persistent-cold': 'Persistent cold spot',
      'diminishing-cold': 'Diminishing cold spot',
      'sporadic-cold': 'Sporadic cold spot',
      'oscillating-cold': 'Oscillating cold spot',
      'historical-cold': 'Historical cold spot',
      none: 'No pattern',
    },
    definitions: {
      new: '{{Kind}} in the final time step and never {{kind}} before.',
      consecutive:
        'One uninterrupted run of at least two {{kindPlural}} time steps at the end, never {{kind}} before it and {{kind}} in fewer than 90 % of the steps.',
      intensifying:
        '{{Kind}} in at least 90 % of the time steps, the final one included, and the clustering grows significantly stronger over time.',
      persistent: '{{Kind}} in at least 90 % of the time steps, with no significant trend.',
      diminishing:
        '{{Kind}} in at least 90 % of the time steps, the final one included, and the clustering grows significantly weaker over time.',
      sporadic:
        '{{Kind}} in the final time step and on and off before, {{kind}} in fewer than 90 % of the steps and never {{opposite}}.',
      oscillating:
        '{{Kind}} in the final time step but {{opposite}} in an earlier one, {{kind}} in fewer than 90 % of the steps.',
      historical: 'Not {{kind}} in the final time step, but {{kind}} in at least 90 % of the steps.',
    },
  },
  concentration: {
    units: { cells: 'cells', places: 'places' },
    share: 'The {{percent}} % busiest {{units}} ({{count}}) hold {{eventShare}} % of the reports.',
    gini: 'Gini coefficient {{gini}} (0 = evenly spread, close to 1 = nearly all in one place).',
    generalized:
      'There are fewer reports ({{events}}) than {{units}} ({{count}}), so even the most even spread leaves many empty. Measured against that, the Gini is {{gini}} (Bernasco & Steenbeek 2017).',
    lorenz:
      'Lorenz curve: the share of the reports (up) held by the least busy share of {{units}} (across). The further below the diagonal, the more concentrated.',
    top: 'Busiest',
    reports: 'Reports',
    outsideCells: "{{count}} reports lie outside the municipality's cells and are not counted.",
    outsidePlaces: '{{count}} reports have no named place and are not counted.',
  },
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
        "For analysts: Getis & Ord (1992, 1995), Gi* with binary queen weights including the cell itself, z-score under randomisation; the same numbers as PySAL esda G_Local(star=True) and R spdep localG. The grid is SWEREF 99 TM, cells at whole multiples of the cell size; only cells whose centre lies inside the municipality's boundary take part (empty ones there included), and cells outside are no neighbours. Lakes and neighbouring municipalities' empty cells would otherwise pull the mean down and make ordinary cells by the shore 'hot'. Defaults: 250 m cells and at least 3 reports in a cell's 3 × 3 window to be called hot: with a few hundred reports a quarter the average is far below one report per 100 m cell, and then the normal approximation gives a lone report a z above 4.",
      title: 'Hot spots (Getis-Ord Gi*)',
      body: "The municipality is divided into square cells. For each cell the reports in it and its eight neighbours are counted and compared with the average over the whole municipality. Gi* is a z-score: how many standard deviations above (hot) or below (cold) expectation the neighbourhood lies. A high z in one cell can be chance, so a cell must also pass the correction for testing thousands of cells at once. Only the municipality's own cells count, and a cell is hot only when at least three reports lie in it and its neighbours, so a lone report is never a hot spot.",
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
      body: "A hot-spot map is only useful if it points to where things happen next. We take one period's hot cells and count how much of the next period's reports fell in them. PAI (Chainey et al. 2008) is the hit rate divided by the cells' share of the area. PEI compares with the best an area of the same size could have captured. RRI (Levine 2008) compares how much of the events the hot cells kept between the periods. The area is the municipality's cells (centre inside the boundary), the same cells as the hot-spot map.",
    },
    emerging: {
      title: 'Emerging hot spots (Emerging Hot Spot Analysis)',
      body: "The period is cut into time steps (weeks or months) and each cell gets a Gi* value for every step, its neighbours being the cell's neighbours in the same and the previous step. Then we test whether the cell's z-values rise or fall over time (the Mann–Kendall test), and the cell gets one of the patterns Esri's ArcGIS Pro uses: new, consecutive, intensifying, persistent, diminishing, sporadic, oscillating or historical hot (or cold) spot. The patterns say whether a hot spot is on its way up, has been there long, or is fading.",
      detail:
        'For analysts: the categories and their definitions after Esri, ArcGIS Pro, "How Emerging Hot Spot Analysis works" (Space Time Pattern Mining); Gi* per bin against the whole cube with FDR correction, neighbourhood 3 × 3 cells and the chosen number of previous time steps, Mann–Kendall with the tie correction; the 90 % threshold as in ArcGIS. Where the ArcGIS definitions overlap, the final time step decides, then 90 % and trend, then a history of the opposite kind (oscillating). Checked cell for cell against an independent numpy/scipy implementation. At least 5 time steps, preferably 10 or more.',
    },
    concentration: {
      title: 'Concentration (the law of crime concentration)',
      body: "Crime gathers at few places: in most cities a few per cent of the streets hold half of the crime (Weisburd 2015). We count the share of reports in the busiest 1, 5 and 10 per cent of the municipality's cells or named places, draw the Lorenz curve and give the Gini coefficient: 0 when every unit has as much, close to 1 when nearly everything is in one place.",
      detail:
        "For analysts: top p = the ceil(p · m) busiest of m units; Gini = Σ(2i − m − 1)x₍ᵢ₎/(m Σx) with x ascending. With fewer reports N than units m the Gini cannot fall below 1 − N/m; the generalised Gini (Bernasco & Steenbeek 2017) measures against the most even spread N reports allow: (G − (1 − N/m))/(N/m). Empty cells count as units; places are the reference data's named places.",
    },
  },
  errors: {
    TOO_FEW_EVENTS:
      'Too few reports in the selection for this analysis ({{events}}, at least {{minimum}} needed). Choose a longer period or more categories.',
    ANALYSIS_TOO_LARGE:
      'Too much to compute in one request: choose larger cells or fewer permutations (at most {{maxPermutations}} with this cell size).',
    NO_FOLLOWING_PERIOD: 'The period has not ended yet, so there is no later period to test its hot spots against.',
    VALIDATION: 'Check the settings: {{detail}}',
    TOO_FEW_TIME_STEPS:
      'Emerging hot spots need at least {{minimum}} time steps; the period has {{steps}}. Choose a longer period, or weeks instead of months.',
    ANALYSIS_BUSY_user:
      'You already have {{limit}} analyses under way, as many as one user may have at once. Wait for one to finish or cancel one.',
    ANALYSIS_BUSY_server: 'The server is running as many analyses as it takes. Try again in a moment.',
    ANALYSIS_INVALID: 'The analysis could not be computed with these settings: {{message}}',
  },
};
