/** Swedish texts of the analysis feature (the first language). `messages-en.ts` has the same keys. */
export const analysisSv = {
  nav: 'Analys',
  title: 'Analys',
  intro:
    'Här kan du se var och när händelser samlas mer än slumpen förklarar. Analyserna bygger bara på de rapporter du har behörighet att se; återkallade rapporter räknas aldrig.',
  form: {
    legend: 'Urval och inställningar',
    selection: 'Urval',
    period: 'Period',
    lastWeeks: 'Senaste veckorna',
    weeksOption_one: 'Senaste veckan',
    weeksOption_other: 'Senaste {{count}} veckorna',
    range: 'Egna datum',
    from: 'Från och med',
    to: 'Till och med',
    focusArea: 'Fokusområde',
    allFocusAreas: 'Alla fokusområden',
    categories: 'Kategorier',
    categoriesHint: 'Inga valda betyder alla kategorier (inom fokusområdet, om du valt ett).',
    hotspotSettings: 'Heta punkter',
    cellSize: 'Cellstorlek (meter)',
    alpha: 'Signifikansnivå (FDR)',
    permutations: 'Permutationer',
    analytic: 'Inga (analytiskt p-värde, snabbast)',
    densitySettings: 'Täthet',
    bandwidth: 'Sökradie/bandbredd (meter)',
    bandwidthAuto: 'Tomt = räknas fram med tumregel',
    nearRepeatSettings: 'Upprepning nära i tid och rum (senaste 12 månaderna)',
    spaceBand: 'Avståndsband (meter)',
    spaceBands: 'Antal avståndsband',
    timeBand: 'Tidsband (dagar)',
    timeBands: 'Antal tidsband',
    iterations: 'Slumpningar (99–999)',
    run: 'Kör analysen',
    running: 'Räknar…',
  },
  sections: {
    map: 'Karta',
    hotspots: 'Heta och kalla punkter',
    density: 'Täthet',
    nearRepeat: 'Upprepning nära i tid och rum',
    evaluation: 'Hur väl förutsade de heta punkterna nästa period?',
    methods: 'Om metoderna',
  },
  mapLabel: 'Karta över kommunen med heta och kalla celler och täthetskurvor',
  layers: { hotspots: 'Visa heta/kalla celler', density: 'Visa täthetskurvor' },
  legend: {
    hot: 'Het cell: fler rapporter än slumpen förklarar',
    cold: 'Kall cell: färre än väntat',
    density: 'Täthetskurva (mörkare = tätare)',
  },
  hotspots: {
    summary:
      '{{events}} rapporter {{from}}–{{to}}. {{hot}} heta och {{cold}} kalla celler av {{cells}} (celler om {{size}} m, FDR {{alpha}}).',
    none: 'Ingen cell skiljer sig från slumpen på den valda nivån. Det är ett svar i sig: händelserna är inte mer samlade än vad slumpen ger.',
    permutationLimit:
      'Med {{n}} permutationer kan inget p-värde bli mindre än {{minP}}. Efter FDR-korrektionen över {{cells}} celler räcker det sällan för att någon cell ska bli signifikant. Välj större celler eller analytiskt p-värde.',
    sparseHint:
      'Med få rapporter och små celler kan en enda rapport ge en "het" cell, eftersom metodens normalfördelningsantagande då inte håller. Därför är 250 m förvalt; välj större celler när rapporterna är få och mindre först när de är många.',
    eventsInHot: '{{count}} av rapporterna ligger i heta celler.',
    tooltip: '{{count}} rapporter, z = {{z}}, p = {{p}}',
    byArea: 'Signifikanta celler per område',
    area: 'Område',
    hotCells: 'Heta celler',
    coldCells: 'Kalla celler',
    eventsInHotCells: 'Rapporter i heta celler',
  },
  density: {
    summary: 'Bandbredd {{bandwidth}} m ({{rule}}). Högsta täthet {{max}} rapporter per km².',
    rules: { given: 'vald av dig', 'arcgis-silverman': 'tumregel enligt Silverman/ArcGIS' },
    contour: 'Minst {{share}} % av högsta tätheten',
  },
  nearRepeat: {
    summary: '{{events}} rapporter {{from}}–{{to}}, {{iterations}} slumpningar.',
    noVerdict:
      'Testet visar ingen säkerställd förhöjd risk nära i tid och rum för det här urvalet. Det betyder inte att risken är låg, bara att mönstret inte syns i underlaget.',
    table: 'Knox-tabell: par av rapporter efter avstånd och tid mellan dem',
    distance: 'Avstånd',
    time: 'Tid mellan',
    sameLocation: 'Samma plats',
    observed: 'Observerat',
    expected: 'Väntat',
    ratio: 'Kvot',
    p: 'p',
    metres: '{{min}}–{{max}} m',
    beyondMetres: 'Över {{min}} m',
    days: '{{min}}–{{max}} dagar',
    beyondDays: 'Över {{max}} dagar',
    significant: 'Fet stil: kvot över 1 och p under 0,05.',
  },
  warning: { title: 'Varning för upprepning' },
  evaluation: {
    periods: 'Heta punkter från {{from1}}–{{to1}} prövade mot rapporterna {{from2}}–{{to2}}.',
    hitRate: 'Träffandel',
    hitRateText: '{{n2}} av {{N2}} rapporter i nästa period låg i de heta cellerna.',
    areaShare: 'Andel av ytan',
    areaShareText: '{{k}} av {{cells}} celler.',
    pai: 'PAI',
    paiText: 'Träffandel delat med andel av ytan. 1 = som slumpen; högre är bättre.',
    pei: 'PEI',
    peiText: 'Hur nära det bästa möjliga med lika många celler (1 = perfekt).',
    rri: 'RRI',
    rriText: 'Över 1: de heta cellerna behöll en större andel av händelserna än kommunen i stort.',
    notDefined: 'ej definierat',
    noHotCells: 'Perioden gav inga heta celler att pröva.',
  },
  methods: {
    gistar: {
      detail:
        'För analytiker: Getis & Ord (1992, 1995), Gi* med binära queen-vikter där cellen själv ingår, z-värde under randomisering; samma tal som PySAL esda G_Local(star=True) och R spdep localG. Rutnätet är SWEREF 99 TM, celler i jämna multiplar av cellstorleken, över kommunens omslutande rektangel (tomma celler ingår).',
      title: 'Heta punkter (Getis-Ord Gi*)',
      body: 'Kommunen delas i rutor (celler). För varje cell räknas rapporterna i cellen och dess åtta grannar och jämförs med genomsnittet för hela kommunen. Gi* är ett z-värde: hur många standardavvikelser över (het) eller under (kall) det väntade området ligger. Ett högt z-värde i en enda cell kan vara slump; därför kräver vi att resultatet håller även efter korrektion för att vi testar tusentals celler samtidigt.',
    },
    fdr: {
      detail:
        'För analytiker: Benjamini & Hochberg (1995) över alla celler i rutnätet; en cell är het när justerat p (q) ≤ vald nivå och z > 0, kall när z < 0.',
      title: 'Korrektion för många test (FDR)',
      body: 'Testar man tusentals celler på 5 %-nivån blir omkring 5 % "signifikanta" av ren slump. Benjamini–Hochbergs metod (false discovery rate, FDR) justerar p-värdena så att högst omkring 5 % av de celler som pekas ut väntas vara falsklarm. Därför visas bara celler som klarar den justerade nivån.',
    },
    permutations: {
      detail:
        'För analytiker: villkorlig randomisering (Anselin 1995): cellens eget värde ligger kvar, grannarna dras utan återläggning bland övriga celler; tvåsidigt p = min(1, 2(1 + min(#≥, #≤))/(N + 1)). Samma frö ger samma resultat.',
      title: 'Permutationer',
      body: 'I stället för normalfördelningen kan p-värdet räknas genom att slumpa om värdena i grannskapet många gånger. Det kräver färre antaganden men är långsammare, och med N slumpningar kan p aldrig bli mindre än 2/(N+1).',
    },
    kde: {
      detail:
        'För analytiker: kvartisk (biweight) kärna, Silverman (1986) ekv. 4.5 som i ArcGIS; tumregel h = 0,9 · min(SD, √(1/ln 2) · Dm) · n^−0,2, där SD är standardavståndet och Dm medianavståndet till medelpunkten. Täthet i rapporter per km² i cellmittpunkter.',
      title: 'Täthet (kärntäthet, KDE)',
      body: 'Varje rapport sprids ut som en mjuk kulle med en viss radie, bandbredden. Kullarna summeras till en yta som visar var rapporterna ligger tätt. Stor bandbredd ger en slät bild, liten bandbredd en prickig. Utan eget val används en tumregel (Silverman, som i ArcGIS) som utgår från hur utspridda rapporterna är och hur många de är. Kurvorna på kartan visar var tätheten är minst 20, 40, 60 och 80 % av den högsta. Tätheten visar var det händer mycket, inte om det är mer än slumpen.',
    },
    knox: {
      detail:
        'För analytiker: Knox (1964) med Monte Carlo-permutation av datum över fasta platser (Johnson m.fl. 2007); band (0, M], (M, 2M] … i meter och [0, D], [D+1, 2D] … i hela dagar (svensk kalenderdag), utan Near Repeat Calculatorns förskjutning med ett; väntat = medel över N permutationer, p = (1 + #{permuterat ≥ observerat})/(1 + N).',
      title: 'Upprepning nära i tid och rum (Knox-test)',
      body: 'Knox-testet tar alla par av rapporter och räknar hur många som ligger nära både i avstånd och i tid, till exempel inom 200 m och 7 dagar. Sedan blandas datumen slumpvis mellan platserna många gånger för att se hur många sådana par som väntas om tid och plats inte hänger ihop. Kvoten observerat/väntat över 1 med lågt p-värde betyder att händelser följer på varandra nära i tid och rum oftare än slumpen ger.',
      caveats:
        'Förbehåll: testet säger inget om orsaken (samma gärningsperson, samma sårbarhet eller samma rapportör). Det behöver ett års underlag och helst hundratals rapporter; få rapporter ger ett svagt test. Vi anger bara en varning när cellen 0–{{metres}} m och 0–{{days}} dagar har kvot över 1 och p under 0,05. Många celler testas samtidigt, så enstaka låga p-värden längre ut i tabellen kan vara slump.',
    },
    evaluation: {
      detail:
        'För analytiker: PAI = (n/N)/(a/A) (Chainey, Tompson & Uhlig 2008); PEI = n/n*, där n* är det största antal nästa periods rapporter som lika många celler kunnat rymma (Hunt 2016); RRI = (n₂/n₁)/(N₂/N₁) (Levine 2008). Heta celler = Gi*-heta celler i första perioden med samma inställningar.',
      title: 'Utvärdering (träffandel, PAI, PEI, RRI)',
      body: 'En karta över heta punkter är bara användbar om den pekar ut var det händer sedan. Vi tar de heta cellerna från en period och räknar hur stor del av nästa periods rapporter som hamnade i dem. PAI (Chainey m.fl. 2008) är träffandelen delad med cellernas andel av ytan. PEI jämför med det bästa en lika stor yta hade kunnat fånga. RRI (Levine 2008) jämför hur stor del av händelserna de heta cellerna behöll mellan perioderna. Ytan är kommunens celler (cellens mittpunkt inom kommungränsen) och de få celler strax utanför där någon rapport ligger.',
    },
  },
  errors: {
    TOO_FEW_EVENTS:
      'För få rapporter i urvalet för den här analysen ({{events}}, minst {{minimum}} behövs). Välj en längre period eller fler kategorier.',
    ANALYSIS_TOO_LARGE:
      'För mycket att räkna i en fråga: välj större celler eller färre permutationer (högst {{maxPermutations}} med den här cellstorleken).',
    NO_FOLLOWING_PERIOD: 'Perioden är inte slut än, så det finns ingen senare period att pröva de heta punkterna mot.',
    VALIDATION: 'Kontrollera inställningarna: {{detail}}',
  },
};
