## The buyers' questions (flows/buyerq.py): after the products, each can be skipped.

section_buyer = so2alat dyal l clients
ask_buyer_questions = L malaf dyalkom 9rib ykmel. Les clients lkbar (f Amerika) kaysewlo 9bel kolchi chi so2alat: ch7al katsaybo f chhar, ch7al dyal lw9t, chahadat, tasdir, tghlif. Jwab 9sir kaykhelli l page dyalkom tban serieuse, w ay so2al t9dro tdouzouh. Nbdaw?
btn_buyerq_start = Yallah nbdaw
btn_buyerq_later = Douz kolchi
ask_capacity = Mantoj { $number } "{ $product }": ch7al t9dro tsaybo mno f chhar? (matalan: { $example } f chhar)
invalid_capacity = Ktbo l kamiya b ra9m, b7al: 200 litra f chhar wla 500 7ba f chhar. Wla douzo so2al.
ask_lead_time = L awel commande dyal "{ $product }": ch7al khasskom d lw9t 7ta tkon wajda l chi7n? (matalan: 15 nhar, 3 simanat)
invalid_lead_time = Ktbo lmodda b ra9m: nhar, simana wla chhar, b7al: 3 simanat. Wla douzo so2al.
ask_certifications = 3ndkom chi chahadat (certificats)? Khtarohom wa7da b wa7da, wla ktbohom (b7al: "bio w ONSSA").
ask_certifications_more = Tsjlat:
    { $chosen }
    Chi chahada khra? Ila la, wrko 3la "Safi salit".
cert_organic = Bio / ECOCERT
cert_fairtrade = Fair trade
cert_onssa = ONSSA
cert_iso = ISO
btn_cert_none = Ma 3ndna 7ta chahada
invalid_certifications = Khtaro chahada mn la liste wla "Ma 3ndna 7ta chahada", wla douzo so2al.
ask_certificate = Chahada { $cert }: chkoun li 3taha likom, chno ra9mha, w fo9ach katsali? Matalan: { $example }.
invalid_certificate = Ma l9itch ra9m wla tarikh. Ktbo b7al: { $example }. Wla douzo so2al.
certificate_noted = ✅ { $cert }: mn 3nd { $body }, ra9m { $number }, saliha 7ta { $expires }.
ask_fda = Bach yttba3 f Amerika, l makla wla l cosmétique khasso ykoun mn blasa msjla 3nd l FDA l amrikiya. Blastkom msjla?
btn_fda_unknown = Ma 3reftch
ask_export = Wach 3mmrkom sderto (export)?
export_never = 3mmrna
export_few = Chi mrat
export_regular = Dima
ask_export_countries = L ina bldan? (matalan: Fransa, Sbanya, Canada)
ask_packaging = Akhir so2al: kifach katghlfo sel3a dyalkom l chi7n? (matalan: 9ra3i d zaj d 250 ml, 24 f carton)

words_cert_organic = bio, biyo, organic, ecocert, bio ecocert
words_cert_fairtrade = fair trade, fairtrade, tijara 3adila, commerce equitable
words_cert_onssa = onssa, onsa, l onssa
words_cert_iso = iso, izo, iso 22000, iso 9001
words_cert_none = ma 3ndna walo, ma3ndna walo, ma 3ndnach, ma3ndnach, 7ta chahada, ma 3ndna 7ta chahada
words_fda_unknown = ma 3reftch, ma3reftch, ma 3rftch, ma3rftch, ma n3rf, man3ref, chno hiya fda
words_export_never = 3mmrna, 3emmerna, 3mmrna ma sderna, ma sderna walo, mazal, mazal ma sderna
words_export_few = chi mrat, chi merrat, mra wla jouj, chi chwiya
words_export_regular = dima, dima kansdro, kol 3am, bzzaf
