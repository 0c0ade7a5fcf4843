"""Northbrook's information pages in Welsh (translations of project.demo.information, made as an
officer would make them in Wagtail); the same structure, figures and settings as the English pages."""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage

from project.demo.information import _h, _p, _ul

DPO = '<a href="mailto:dpo@northbrook.example">dpo@northbrook.example</a>'
TEAM = '<a href="mailto:haveyoursay@northbrook.example">haveyoursay@northbrook.example</a>'


def pages() -> dict[str, dict]:
    """Title, introduction and body of each kind of information page, in Welsh."""
    session_days = settings.SESSION_COOKIE_AGE // 86400
    return {
        "privacy": {
            "title": "Hysbysiad preifatrwydd",
            "intro": (
                "Sut mae Cyngor Northbrook a’i bartneriaid yn defnyddio’r wybodaeth a roddwch pan fyddwch "
                "yn cymryd rhan mewn ymgyngoriadau neu’n rhoi gwybod am broblem leol, a’r hawliau sydd "
                "gennych drosti."
            ),
            "body": [
                _h("Pwy ydym ni"),
                _p(
                    "Cyngor Northbrook yw’r rheolydd data ar gyfer y wefan hon. Mae sefydliadau partner "
                    "sy’n cynnal ymgynghoriad gyda ni (fel yr ymddiriedolaeth GIG) yn gweld yr ymatebion "
                    f"iddo. Gallwch gysylltu â’n swyddog diogelu data yn {DPO}."
                ),
                _h("Beth rydym yn ei gasglu"),
                _ul(
                    "Eich cyfeiriad e-bost a’ch cyfrinair (wedi’i storio ar ffurf wedi’i sgramblo), i roi "
                    "cyfrif i chi.",
                    "Yr enw arddangos a ddewiswch. Caiff ei ddangos wrth ymyl yr hyn rydych yn ei "
                    "ysgrifennu; nid oes rhaid iddo fod yn enw iawn i chi.",
                    "Eich sylwadau, eich pleidleisiau, y sylwadau rydych yn rhoi gwybod amdanynt i "
                    "gymedrolwyr, a’r problemau lleol rydych yn rhoi gwybod amdanynt neu’n eu dilyn, gydag "
                    "unrhyw lun (rydym yn tynnu ei leoliad a manylion y camera ohono).",
                    "Os dewiswch eu rhannu: eich band oedran, eich ward, anabledd a grŵp ethnig. Dim ond "
                    "mewn grwpiau o 5 neu fwy o bobl rydym yn cyfrif y rhain.",
                    "Eich cyfeiriad rhyngrwyd, am gyfnod byr, i atal camddefnydd fel postio awtomatig.",
                ),
                _h("Pam rydym yn ei defnyddio a’n sail gyfreithlon"),
                _p(
                    "Rydym yn ymgynghori â phreswylwyr fel rhan o’n tasgau cyhoeddus (Erthygl 6(1)(e) GDPR "
                    "y DU). Mae manylion cydraddoldeb yn ddata categori arbennig: dim ond gyda’ch caniatâd "
                    "penodol (Erthygl 9(2)(a)) rydym yn eu defnyddio, a gallwch dynnu’r caniatâd hwnnw’n ôl "
                    "ar dudalen eich cyfrif unrhyw bryd, sy’n eu dileu."
                ),
                _h("Pwy sy’n ei gweld"),
                _p(
                    "Mae’r cyhoedd yn gweld eich enw arddangos a’r hyn rydych wedi’i gyhoeddi. Mae staff y "
                    "sefydliadau sy’n cynnal ymgynghoriad, a’i gymedrolwyr, yn gweld eich cyfraniadau. Nid "
                    "oes neb y tu allan i’r cyngor a’i bartneriaid yn gweld eich cyfeiriad e-bost. Nid ydym "
                    "byth yn gwerthu eich gwybodaeth nac yn ei defnyddio i farchnata."
                ),
                _h("Am ba hyd rydym yn ei chadw"),
                _p(
                    "Rydym yn cadw eich cyfrif nes i chi ofyn i ni ei ddileu. Caiff cyfrif na chadarnheir "
                    f"ei gyfeiriad e-bost ei ddileu {settings.UNVERIFIED_ACCOUNT_RETENTION_DAYS} diwrnod ar "
                    "ôl ei greu. Os ymateboch ar bapur, dros y ffôn neu mewn digwyddiad, caiff yr enw a’r "
                    f"cod post a deipiodd ein staff eu dileu {settings.ASSISTED_DETAILS_RETENTION_DAYS} "
                    "diwrnod ar ôl i’r ymgynghoriad gau. Caiff cofnodion o ddiweddariadau byw eu dileu ar ôl "
                    f"{settings.LIVE_EVENT_RETENTION_DAYS} diwrnod. Nid ydym yn storio eich cyfeiriad "
                    "rhyngrwyd: caiff y cownteri sy’n ei ddal i gyfyngu ar gamddefnydd eu cadw yn y cof, a "
                    "dônt i ben o fewn awr i’ch ymweliad diwethaf (ac maent yn dal ffurf wedi’i sgramblo "
                    "arno, nid y cyfeiriad ei hun). Caiff copi o’ch data a baratown i chi ei lawrlwytho ei "
                    "ddileu unwaith y byddwch yn ei lawrlwytho, neu "
                    f"{settings.PERSONAL_DATA_EXPORT_LINK_HOURS} awr ar ôl i ni anfon y ddolen atoch "
                    "drwy e-bost. "
                    + (
                        "Os byddwch yn dileu eich cyfrif, caiff eich sylwadau a’r problemau y rhoesoch wybod "
                        "amdanynt eu tynnu; mae eich pleidleisiau’n dal i gyfrif, heb fod yn gysylltiedig ag "
                        "unrhyw un."
                        if settings.ERASURE_CONTRIBUTIONS == "remove"
                        else "Mae sylwadau, pleidleisiau ac adroddiadau’n aros yn rhan o gofnod cyhoeddus "
                        "ymgynghoriad neu broblem: os byddwch yn dileu eich cyfrif, ni fyddant yn "
                        "gysylltiedig â chi mwyach, a byddant yn cael eu dangos fel rhai a ysgrifennwyd gan "
                        "“Cyn-gyfranogwr”."
                    )
                ),
                _h("Eich hawliau"),
                _p(
                    "Gallwch weld, cywiro, lawrlwytho neu ddileu’r wybodaeth sydd gennym amdanoch, "
                    "gwrthwynebu’r ffordd rydym yn ei defnyddio, a chwyno. Lawrlwythwch gopi, neu dilëwch "
                    "eich cyfrif, o dudalen eich cyfrif; neu ysgrifennwch at ein swyddog diogelu data. Os "
                    "nad ydych yn fodlon â’n hateb, gallwch "
                    '<a href="https://ico.org.uk/make-a-complaint/">gwyno i Swyddfa’r Comisiynydd '
                    "Gwybodaeth</a>."
                ),
            ],
        },
        "accessibility": {
            "title": "Datganiad hygyrchedd",
            "intro": (
                "Mae’r datganiad hygyrchedd hwn yn berthnasol i wefan Dweud eich dweud Northbrook, lle mae "
                "preswylwyr yn cymryd rhan mewn ymgyngoriadau ac yn rhoi gwybod am broblemau lleol."
            ),
            "body": [
                _p(
                    "Cyngor Northbrook sy’n rhedeg y wefan hon. Rydym am i gynifer o bobl â phosibl allu ei "
                    "defnyddio. Er enghraifft, mae hynny’n golygu y dylech allu:"
                ),
                _ul(
                    "newid lliwiau, lefelau cyferbyniad a ffontiau gan ddefnyddio gosodiadau’r porwr neu’r "
                    "ddyfais",
                    "chwyddo hyd at 400% heb i’r testun lifo oddi ar y sgrin",
                    "llywio’r rhan fwyaf o’r wefan gan ddefnyddio bysellfwrdd yn unig neu feddalwedd adnabod "
                    "lleferydd",
                    "gwrando ar y rhan fwyaf o’r wefan gan ddefnyddio darllenydd sgrin",
                    "defnyddio pob tudalen gyda JavaScript wedi’i ddiffodd",
                ),
                _p("Rydym hefyd wedi gwneud testun y wefan mor hawdd â phosibl i’w ddeall."),
                _h("Pa mor hygyrch yw’r wefan hon"),
                _p("Rydym yn gwybod nad yw rhai rhannau o’r wefan hon yn gwbl hygyrch:"),
                _ul(
                    "mae’r mapiau rhyngweithiol yn anodd eu defnyddio heb lygoden: mae gan bob map dabl o’r "
                    "un wybodaeth, a gallwch ddod o hyd i le drwy chwilio am stryd",
                    "mae rhai dogfennau y mae sefydliadau’n eu hatodi i ymgyngoriadau yn ffeiliau PDF nad "
                    "ydynt efallai’n gwbl hygyrch i feddalwedd darllen sgrin",
                ),
                _h("Adborth a gwybodaeth gyswllt"),
                _p(
                    "Os oes arnoch angen gwybodaeth ar y wefan hon mewn fformat gwahanol, fel PDF hygyrch, "
                    f"print bras, fersiwn hawdd ei deall, recordiad sain neu braille, anfonwch e-bost at "
                    f"{TEAM} neu ffoniwch 01632 960 000. Byddwn yn ystyried eich cais ac yn ymateb o fewn "
                    "5 diwrnod gwaith."
                ),
                _h("Rhoi gwybod am broblemau hygyrchedd gyda’r wefan hon"),
                _p(
                    "Rydym bob amser yn ceisio gwella hygyrchedd y wefan hon. Os dewch o hyd i unrhyw "
                    "broblemau nad ydynt wedi’u rhestru ar y dudalen hon, neu os credwch nad ydym yn "
                    f"bodloni’r gofynion hygyrchedd, anfonwch e-bost at {TEAM}."
                ),
                _h("Y drefn orfodi"),
                _p(
                    "Y Comisiwn Cydraddoldeb a Hawliau Dynol (EHRC) sy’n gyfrifol am orfodi Rheoliadau "
                    "Hygyrchedd Cyrff y Sector Cyhoeddus (Gwefannau a Rhaglenni Symudol) (Rhif 2) 2018 (y "
                    "rheoliadau hygyrchedd). Os nad ydych yn fodlon â’r ffordd rydym yn ymateb i’ch cwyn, "
                    'cysylltwch â’r <a href="https://www.equalityadvisoryservice.com/">Gwasanaeth Cynghori '
                    "a Chymorth Cydraddoldeb (EASS)</a>."
                ),
                _h("Gwybodaeth dechnegol am hygyrchedd y wefan hon"),
                _p(
                    "Mae Cyngor Northbrook wedi ymrwymo i sicrhau bod ei wefan yn hygyrch, yn unol â "
                    "Rheoliadau Hygyrchedd Cyrff y Sector Cyhoeddus (Gwefannau a Rhaglenni Symudol) (Rhif 2) "
                    "2018."
                ),
                _h("Statws cydymffurfio"),
                _p(
                    "Mae’r wefan hon yn cydymffurfio’n rhannol â safon AA fersiwn 2.2 Canllawiau Hygyrchedd "
                    "Cynnwys y We, oherwydd yr achosion o beidio â chydymffurfio a restrir isod."
                ),
                _h("Cynnwys nad yw’n hygyrch"),
                _p("Nid yw’r cynnwys a restrir isod yn hygyrch am y rhesymau canlynol."),
                _p(
                    "<strong>Peidio â chydymffurfio â’r rheoliadau hygyrchedd.</strong> Nid oes gan rai "
                    "dogfennau PDF sydd ynghlwm wrth ymgyngoriadau dagiau na phenawdau, felly ni all "
                    "darllenwyr sgrin ddilyn eu strwythur (maen prawf llwyddiant 1.3.1 WCAG 2.2). Rydym yn "
                    "gofyn i bob sefydliad gyhoeddi fersiwn hygyrch ochr yn ochr â phob PDF."
                ),
                _p(
                    "<strong>Cynnwys nad yw o fewn cwmpas y rheoliadau hygyrchedd.</strong> Mae mapiau "
                    "ar-lein wedi’u heithrio; rydym yn cynnig tabl a chwiliad stryd yn lle pob map. Mae "
                    "ffeiliau PDF a gyhoeddwyd cyn 23 Medi 2018 wedi’u heithrio os nad oes eu hangen i "
                    "gymryd rhan."
                ),
                _h("Beth rydym yn ei wneud i wella hygyrchedd"),
                _p(
                    "Caiff pob fersiwn newydd ei gwirio’n awtomatig yn erbyn WCAG 2.2 A ac AA, a chaiff y "
                    "prif deithiau eu profi gyda’r bysellfwrdd yn unig a gyda JavaScript wedi’i ddiffodd."
                ),
                _h("Paratoi’r datganiad hygyrchedd hwn"),
                _p(
                    "Paratowyd y datganiad hwn ar 1 Rhagfyr 2026. Cafodd ei adolygu ddiwethaf ar 1 Rhagfyr "
                    "2026. Cafodd y wefan hon ei phrofi ddiwethaf ar 1 Rhagfyr 2026 yn erbyn safon AA WCAG "
                    "2.2. Tîm digidol Cyngor Northbrook a gynhaliodd y prawf, gyda gwiriadau awtomatig o bob "
                    "math o dudalen a phrofion â llaw o’r prif deithiau."
                ),
            ],
        },
        "cookies": {
            "title": "Cwcis",
            "intro": (
                "Ffeiliau bach sy’n cael eu cadw ar eich dyfais yw cwcis. Dim ond y cwcis sydd eu hangen "
                "arni i weithio y mae’r wefan hon yn eu defnyddio, felly nid ydym yn gofyn am eich "
                "caniatâd ar eu cyfer."
            ),
            "body": [
                _h("Cwcis hanfodol rydym yn eu gosod"),
                _ul(
                    f"<strong>{settings.SESSION_COOKIE_NAME}</strong>: yn eich cadw wedi mewngofnodi wrth "
                    "i chi symud o dudalen i dudalen. Daw i ben pan fyddwch yn allgofnodi neu ar ôl "
                    f"{session_days} diwrnod.",
                    f"<strong>{settings.CSRF_COOKIE_NAME}</strong>: yn atal gwefannau eraill rhag anfon "
                    "ffurflenni yn eich enw. Daw i ben ar ôl blwyddyn.",
                    f"<strong>{CookieStorage.cookie_name}</strong>: yn cario neges gadarnhau, fel “Mae eich "
                    "sylw wedi’i gyhoeddi”, i’r dudalen nesaf. Caiff ei dileu unwaith y caiff ei dangos.",
                    f"<strong>{settings.LANGUAGE_COOKIE_NAME}</strong>: yn cofio’r iaith a ddewisoch gyda’r "
                    "dewisydd iaith (English neu Cymraeg). Daw i ben pan fyddwch yn cau eich porwr; os ydych "
                    "wedi mewngofnodi, caiff eich dewis ei gadw gyda’ch cyfrif hefyd.",
                    "<strong>wagtail_sidebar_collapsed</strong>: dim ond i staff y cyngor yn y tudalennau "
                    "gweinyddu, yn cofio a yw’r ddewislen wedi’i chau.",
                ),
                _h("Cwcis nad ydym yn eu gosod"),
                _p(
                    "Nid ydym yn defnyddio cwcis dadansoddi, hysbysebu na chyfryngau cymdeithasol, ac ni "
                    "chaiff cwcis unrhyw wefan arall eu gosod drwy ein gwefan ni. Mae mapiau’n llwytho eu "
                    "delweddau o weinydd mapiau, ac ni chaiff ein cwcis byth eu hanfon ato."
                ),
            ],
        },
        "house-rules": {
            "title": "Rheolau’r wefan",
            "intro": (
                "Mae croeso i bawb ddweud eu dweud. Mae’r rheolau hyn yn cadw’r sgwrs yn ddefnyddiol ac "
                "yn ddiogel; mae cymedrolwyr yn cuddio neu’n dileu cyfraniadau sy’n eu torri."
            ),
            "body": [
                _h("Pan fyddwch yn rhoi sylw neu’n rhoi gwybod am broblem"),
                _ul(
                    "Peidiwch â chynnwys gwybodaeth bersonol amdanoch chi’ch hun nac am unrhyw un arall, fel "
                    "cyfeiriadau, rhifau ffôn neu fanylion iechyd.",
                    "Peidiwch ag ysgrifennu unrhyw beth sarhaus, gwahaniaethol neu fygythiol.",
                    "Peidiwch â phostio sbam na hysbysebion, na’r un sylw fwy nag unwaith.",
                    "Cadwch at bwnc yr ymgynghoriad neu’r cynnig.",
                    "Peidiwch ag ysgrifennu unrhyw beth a allai dorri’r gyfraith, fel difenwad neu ddirmyg "
                    "llys.",
                ),
                _h("Beth mae cymedrolwyr yn ei wneud"),
                _p(
                    "Mae rhai ymgyngoriadau’n dangos sylwadau dim ond ar ôl i gymedrolwr eu darllen; mae "
                    "eraill yn eu dangos ar unwaith ac mae cymedrolwyr yn eu gwirio wedyn. Gall unrhyw un "
                    "roi gwybod am sylw y mae’n credu ei fod yn torri’r rheolau hyn. Pan fydd cymedrolwr yn "
                    "cuddio neu’n dileu eich sylw, byddwn yn anfon e-bost atoch yn egluro pam. Mae gan bob "
                    "ymgynghoriad log cymedroli cyhoeddus sy’n cyfrif y penderfyniadau, heb ddweud pwy "
                    "ysgrifennodd beth."
                ),
                _h("Os ydych yn anghytuno â phenderfyniad"),
                _p(
                    "Atebwch yr e-bost a gawsoch, neu cysylltwch â ni. Bydd cymedrolwr arall yn edrych arno "
                    "eto."
                ),
            ],
        },
        "contact": {
            "title": "Cysylltu â ni",
            "intro": "Sut i gysylltu â’r tîm sy’n rhedeg y wefan hon.",
            "body": [
                _h("Cwestiynau am ymgynghoriad neu broblem leol"),
                _p(
                    f"Anfonwch e-bost at {TEAM} neu ffoniwch 01632 960 000 (dydd Llun i ddydd Gwener, 9am "
                    "tan 5pm). Gall staff yn unrhyw un o lyfrgelloedd neu swyddfeydd y cyngor yn Northbrook "
                    "hefyd eich helpu i gymryd rhan, neu gofnodi eich ymateb ar eich rhan."
                ),
                _h("Eich gwybodaeth bersonol"),
                _p(f"Ysgrifennwch at ein swyddog diogelu data yn {DPO}."),
                _h("Drwy’r post"),
                _p(
                    "Tîm Dweud eich dweud, Cyngor Northbrook, Neuadd y Dref, Sgwâr y Farchnad, "
                    "Northbrook NB1 1AA"
                ),
            ],
        },
    }
