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
    patternSettings: 'Mönster över tid och koncentration',
    interval: 'Tidssteg',
    intervals: { week: 'Veckor (de 7 dagarna bakåt från periodens slut)', month: 'Kalendermånader' },
    concentrationUnit: 'Koncentration per',
    units: { cells: 'Celler i rutnätet', places: 'Namngivna platser' },
    run: 'Kör analysen',
    running: 'Räknar…',
  },
  sections: {
    map: 'Karta',
    hotspots: 'Heta och kalla punkter',
    density: 'Täthet',
    nearRepeat: 'Upprepning nära i tid och rum',
    evaluation: 'Hur väl förutsade de heta punkterna nästa period?',
    emerging: 'Framväxande heta punkter (tid och rum)',
    concentration: 'Hur koncentrerade är händelserna?',
    methods: 'Om metoderna',
  },
  mapLabel: 'Karta över kommunen med heta och kalla celler och täthetskurvor',
  layers: {
    hotspots: 'Visa heta/kalla celler',
    density: 'Visa täthetskurvor',
    emerging: 'Visa framväxande heta punkter',
  },
  legend: {
    hot: 'Het cell: fler rapporter än slumpen förklarar',
    cold: 'Kall cell: färre än väntat',
    density: 'Täthetskurva (mörkare = tätare)',
  },
  run: {
    starting: 'Räknar…',
    queued: 'I kö, plats {{position}}: andra analyser räknas först.',
    running: 'Räknar… {{percent}} %',
    cancel: 'Avbryt',
    cancelled: 'Analysen avbröts. Kör analysen igen för att räkna om den.',
  },
  hotspots: {
    summary:
      '{{events}} rapporter {{from}}–{{to}}. {{hot}} heta och {{cold}} kalla celler av {{cells}} (celler om {{size}} m, FDR {{alpha}}).',
    none: 'Ingen cell skiljer sig från slumpen på den valda nivån. Det är ett svar i sig: händelserna är inte mer samlade än vad slumpen ger.',
    permutationLimit:
      'Med {{n}} permutationer kan inget p-värde bli mindre än {{minP}}. Efter FDR-korrektionen över {{cells}} celler räcker det sällan för att någon cell ska bli signifikant. Välj större celler eller analytiskt p-värde.',
    sparseHint:
      'Med få rapporter och små celler kan en enda rapport ge en "het" cell, eftersom metodens normalfördelningsantagande då inte håller. Därför är 250 m förvalt och en cell räknas som het först när minst {{minCount}} rapporter ligger i den och dess grannar; välj större celler när rapporterna är få och mindre först när de är många.',
    studyArea:
      'Rutnätet är kommunens {{cells}} celler, de vars mittpunkt ligger inom kommungränsen; {{excluded}} celler i den omslutande rektangeln (vatten, grannkommuner) räknas inte.',
    outside: '{{count}} rapporter ligger i celler utanför gränsen och räknas inte med.',
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
    significant:
      'Fet stil: kvot över 1,00 och p under 0,05, i banden nära i tid och rum (de sista "över"-banden är bara resten av alla par).',
  },
  warning: { title: 'Varning för upprepning' },
  emerging: {
    summary:
      '{{events}} rapporter {{from}}–{{to}} i {{steps}} tidssteg, celler om {{size}} m. {{patterns}} av kommunens {{cells}} celler visar ett mönster (FDR {{alpha}}).',
    none: 'Ingen cell visar ett mönster över tid på den valda nivån.',
    pattern: 'Mönster',
    cells: 'Celler',
    meaning: 'Betyder',
    tooltip: '{{category}}: {{count}} rapporter, het i {{hot}} och kall i {{cold}} av {{steps}} tidssteg',
    kinds: {
      hot: { kind: 'het', Kind: 'Het', kindPlural: 'heta', opposite: 'kall' },
      cold: { kind: 'kall', Kind: 'Kall', kindPlural: 'kalla', opposite: 'het' },
    },
    names: {
      'new-hot': 'Ny het punkt',
      'consecutive-hot': 'Sammanhängande het punkt',
      'intensifying-hot': 'Intensifierad het punkt',
      'persistent-hot': 'Ihållande het punkt',
      'diminishing-hot': 'Avtagande het punkt',
      'sporadic-hot': 'Sporadisk het punkt',
      'oscillating-hot': 'Pendlande het punkt',
      'historical-hot': 'Historisk het punkt',
      'new-cold': 'Ny kall punkt',
      'consecutive-cold': 'Sammanhängande kall punkt',
      'intensifying-cold': 'Intensifierad kall punkt',
      'persistent-cold': 'Ihållande kall punkt',
      'diminishing-cold': 'Avtagande kall punkt',
      'sporadic-cold': 'Sporadisk kall punkt',
      'oscillating-cold': 'Pendlande kall punkt',
      'historical-cold': 'Historisk kall punkt',
      none: 'Inget mönster',
    },
    definitions: {
      new: '{{Kind}} i det sista tidssteget och aldrig {{kind}} tidigare.',
      consecutive:
        'En obruten följd av minst två {{kindPlural}} tidssteg på slutet, aldrig {{kind}} dessförinnan och {{kind}} i färre än 90 % av tidsstegen.',
      intensifying:
        '{{Kind}} i minst 90 % av tidsstegen, det sista medräknat, och klustringen blir signifikant starkare över tid.',
      persistent: '{{Kind}} i minst 90 % av tidsstegen, utan någon signifikant trend.',
      diminishing:
        '{{Kind}} i minst 90 % av tidsstegen, det sista medräknat, och klustringen blir signifikant svagare över tid.',
      sporadic:
        '{{Kind}} i det sista tidssteget och av och till tidigare, {{kind}} i färre än 90 % av tidsstegen och aldrig {{opposite}}.',
      oscillating:
        '{{Kind}} i det sista tidssteget men {{opposite}} i något tidigare, {{kind}} i färre än 90 % av tidsstegen.',
      historical: 'Inte {{kind}} i det sista tidssteget, men {{kind}} i minst 90 % av tidsstegen.',
    },
  },
  concentration: {
    units: { cells: 'cellerna', places: 'platserna' },
    share: 'De {{percent}} % mest drabbade {{units}} ({{count}} st) har {{eventShare}} % av rapporterna.',
    gini: 'Gini-koefficient {{gini}} (0 = jämnt fördelat, nära 1 = nästan allt på ett ställe).',
    generalized:
      'Det finns färre rapporter ({{events}}) än {{units}} ({{count}}), så även den jämnaste möjliga fördelningen lämnar många tomma. Mätt mot den är Gini {{gini}} (Bernasco & Steenbeek 2017).',
    lorenz:
      'Lorenzkurva: andelen av rapporterna (lodrätt) som de minst drabbade {{units}} har (vågrätt). Ju längre under diagonalen, desto mer koncentrerat.',
    top: 'Mest drabbade',
    reports: 'Rapporter',
    outsideCells: '{{count}} rapporter ligger utanför kommunens celler och räknas inte.',
    outsidePlaces: '{{count}} rapporter har ingen namngiven plats och räknas inte.',
  },
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
        'För analytiker: Getis & Ord (1992, 1995), Gi* med binära queen-vikter där cellen själv ingår, z-värde under randomisering; samma tal som PySAL esda G_Local(star=True) och R spdep localG. Rutnätet är SWEREF 99 TM, celler i jämna multiplar av cellstorleken; bara celler vars mittpunkt ligger inom kommungränsen ingår (tomma celler där ingår), och celler utanför är inga grannar. Sjöar och grannkommuners tomma celler skulle annars dra ned medelvärdet så att vanliga celler vid stranden blir "heta". Förval: 250 m celler och minst 3 rapporter i cellens 3 × 3-fönster för att kallas het: med några hundra rapporter i kvartalet ligger det i genomsnitt långt under en rapport per 100-meterscell, och då ger normalfördelningen en ensam rapport z över 4.',
      title: 'Heta punkter (Getis-Ord Gi*)',
      body: 'Kommunen delas i rutor (celler). För varje cell räknas rapporterna i cellen och dess åtta grannar och jämförs med genomsnittet för hela kommunen. Gi* är ett z-värde: hur många standardavvikelser över (het) eller under (kall) det väntade området ligger. Ett högt z-värde i en enda cell kan vara slump; därför kräver vi att resultatet håller även efter korrektion för att vi testar tusentals celler samtidigt. Bara kommunens egna celler räknas, och en cell blir het först när minst tre rapporter ligger i den och dess grannar, så att en ensam rapport aldrig blir en het punkt.',
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
      body: 'En karta över heta punkter är bara användbar om den pekar ut var det händer sedan. Vi tar de heta cellerna från en period och räknar hur stor del av nästa periods rapporter som hamnade i dem. PAI (Chainey m.fl. 2008) är träffandelen delad med cellernas andel av ytan. PEI jämför med det bästa en lika stor yta hade kunnat fånga. RRI (Levine 2008) jämför hur stor del av händelserna de heta cellerna behöll mellan perioderna. Ytan är kommunens celler (cellens mittpunkt inom kommungränsen), samma celler som kartan över heta punkter.',
    },
    emerging: {
      title: 'Framväxande heta punkter (Emerging Hot Spot Analysis)',
      body: 'Perioden delas i tidssteg (veckor eller månader) och varje cell får ett Gi*-värde för varje tidssteg, där grannarna är cellens grannar i samma och föregående tidssteg. Sedan prövas om cellens z-värden stiger eller sjunker över tid (Mann–Kendall-testet), och cellen får ett av de mönster som Esris ArcGIS Pro använder: ny, sammanhängande, intensifierad, ihållande, avtagande, sporadisk, pendlande eller historisk het (eller kall) punkt. Mönstren säger om en het punkt är på väg upp, har funnits länge eller håller på att försvinna.',
      detail:
        'För analytiker: kategorierna och deras definitioner efter Esri, ArcGIS Pro, "How Emerging Hot Spot Analysis works" (Space Time Pattern Mining); Gi* per bin mot hela kuben med FDR-korrektion, grannskap 3 × 3 celler och valt antal föregående tidssteg, Mann–Kendall med korrektion för lika värden; 90 %-gränsen som i ArcGIS. Där ArcGIS definitioner överlappar avgör det sista tidssteget, sedan 90 % och trend, sedan motsatt historik (pendlande). Kontrollerad cell för cell mot en oberoende numpy/scipy-implementation. Minst 5 tidssteg, helst 10 eller fler.',
    },
    concentration: {
      title: 'Koncentration (lagen om brottskoncentration)',
      body: 'Brott samlas på få platser: i de flesta städer har några procent av gatorna hälften av brotten (Weisburd 2015). Vi räknar hur stor andel av rapporterna som ligger i den mest drabbade 1, 5 och 10 procenten av kommunens celler eller namngivna platser, ritar Lorenzkurvan och anger Gini-koefficienten: 0 när alla har lika mycket, nära 1 när nästan allt ligger på ett ställe.',
      detail:
        'För analytiker: topp p = de ceil(p · m) mest drabbade av m enheter; Gini = Σ(2i − m − 1)x₍ᵢ₎/(m Σx) med x stigande. Med färre rapporter N än enheter m kan Gini inte bli lägre än 1 − N/m; den generaliserade Gini (Bernasco & Steenbeek 2017) mäter mot den jämnaste fördelning som N rapporter medger: (G − (1 − N/m))/(N/m). Tomma celler räknas som enheter; platser är referensdatans namngivna platser.',
    },
  },
  errors: {
    TOO_FEW_EVENTS:
      'För få rapporter i urvalet för den här analysen ({{events}}, minst {{minimum}} behövs). Välj en längre period eller fler kategorier.',
    ANALYSIS_TOO_LARGE:
      'För mycket att räkna i en fråga: välj större celler eller färre permutationer (högst {{maxPermutations}} med den här cellstorleken).',
    NO_FOLLOWING_PERIOD: 'Perioden är inte slut än, så det finns ingen senare period att pröva de heta punkterna mot.',
    VALIDATION: 'Kontrollera inställningarna: {{detail}}',
    TOO_FEW_TIME_STEPS:
      'Framväxande heta punkter kräver minst {{minimum}} tidssteg; perioden har {{steps}}. Välj en längre period eller veckor i stället för månader.',
    ANALYSIS_BUSY_user:
      'Du har redan {{limit}} analyser igång, så många som en användare får ha samtidigt. Vänta tills någon är klar eller avbryt en.',
    ANALYSIS_BUSY_server: 'Servern räknar redan så många analyser den tar emot. Försök igen om en liten stund.',
    ANALYSIS_INVALID: 'Analysen kunde inte räknas med de här inställningarna: {{message}}',
  },
};
