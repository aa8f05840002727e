## support — chi wa7ed tkelmoh (flows/support.py)

help_support = Ila bghitiw tkelmo chi wa7ed mn l equipe dyal Tijara, ktbo « bghit nhder m3a chi wa7ed ».
support_opened = Wakha: chi wa7ed mn l equipe dyal Tijara ghadi yjawbkom hna, { $when }. Hta l dak l w9t l bot ghadi ysket; ktbo so2al dyalkom, lmessages w tsawer dyalkom kaywslo lih. L malaf dyalkom b7al ma howa, ma tmse7 walo.
support_when_unknown = f a9rab w9t
support_when_soon = f had d9aye9 l jayin
support_when_today = lyoum mn { $time } (b w9t l Maghrib)
support_when_tomorrow = ghedda mn { $time } (b w9t l Maghrib)
support_when_day = nhar { $day } mn { $time } (b w9t l Maghrib)
support_day_0 = t-tnin
support_day_1 = t-tlat
support_day_2 = l-arb3a
support_day_3 = l-khmis
support_day_4 = j-jem3a
support_day_5 = s-sebt
support_day_6 = l-7ed
support_waiting = Chi wa7ed mn l equipe dyal Tijara ghadi yjawbkom hna. Ktbo lih chno bghitiw, ghadi y9rah.
support_answer = 💬 { $name } (l equipe dyal Tijara):
    { $text }
support_closed = Salat l hedra m3a l equipe dyal Tijara. Nkmlo l malaf dyalkom mnin w9ftiw.
words_support = nhder m3a chi wa7ed, bghit nhder m3a chi wa7ed, conseiller, agent, support, chi wa7ed
